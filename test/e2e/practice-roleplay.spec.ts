/**
 * Role-play over a real call (issue #20, item 4), through Kamailio: the server issues Tomás (the
 * trainer) a session to call Ana as the retention scenario's customer; his phone (a bare SIP
 * phone in its own Chromium, speaking its tone) dials her extension with it. Ana's desk verifies
 * and redeems the session before it rings, then shows the persona's card and the practice badge,
 * and no simulated customer (Tomás plays him). Her wrap-up scores the role-play, kept as such in
 * her progress. The same call with a forged session, or the used one again, is refused (403)
 * and never rings. Then both apps, each in its own Chromium speaking its own tone (each hears the
 * other): Tomás starts it from her progress, follows her step, writes notes, and scores her side
 * with the training form; she reads both and accepts the evaluation. The other way round, for
 * the same outbound scenario: Tomás waits, Ana's desk is invited, she calls him, and the call is
 * practice on both sides from the first ring. No latency is asserted.
 */
import { randomUUID } from 'node:crypto'

import { SignJWT, decodeJwt, generateKeyPair } from 'jose'

import { ROLEPLAY_ALG, ROLEPLAY_TOKEN_TYPE, roleplayIssuedSchema } from '@shared/practice/roleplay'
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import { apiUser } from './support/monitoring-api'
import { answerTheRest } from './support/scoring'
import { hears, TONE_HZ, type Phones } from './support/softphones'

test.use({ phoneSystem: true })

async function issue(serverUrl: string, traineeId: string): Promise<string> {
  const tomas = await apiUser(serverUrl, 'tomas')
  const res = await fetch(`${serverUrl}/api/training/roleplays`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tomas.token}` },
    body: JSON.stringify({ traineeId, scenarioId: 'retention-objections', scenarioVersion: 1 })
  })
  expect(res.status).toBe(201)
  return roleplayIssuedSchema.parse(await res.json()).token ?? ''
}

/** The same claims under the server's kid, signed with a key the server never had. */
async function forge(token: string): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
  const { kid } = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {
    kid: string
  }
  return new SignJWT({ ...decodeJwt(token), jti: randomUUID() })
    .setProtectedHeader({ alg: ROLEPLAY_ALG, kid, typ: ROLEPLAY_TOKEN_TYPE })
    .sign(privateKey)
}

/**
 * Ana's and Tomás's apps, each in its own Chromium speaking its own tone (what each hears is the
 * other), and his role-play start in her progress with the retention scenario chosen.
 */
async function retentionRoleplay(phones: Phones) {
  const [ws, trainer] = await Promise.all([phones.open('ana'), phones.open('tomas')])
  await ws.waitForFirstSync()
  await expect(trainer.softphone.status).toContainText('Disponible')
  await trainer.goTo('Formación')
  const tomas = trainer.page
  await tomas.getByRole('tab', { name: 'Progreso' }).click()
  const progress = tomas.getByRole('region', { name: 'Progreso de las prácticas' })
  await progress.getByRole('button', { name: 'Ver el progreso de Ana Ortiz' }).click()
  await progress
    .getByRole('combobox', { name: 'Escenario del juego de rol' })
    .selectOption({ label: 'Retención con objeciones y venta cruzada' })
  return { ws, page: ws.page, trainer, tomas, progress }
}

test('a trainer plays the customer over a real call; a forged session never rings', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  test.setTimeout(120_000)
  const [trainerPhone] = await Promise.all([
    phones.customer({ number: '3001', displayName: 'Tomás Vidal' }, TONE_HZ.tomas),
    ws.loginSynced('ana')
  ])
  await ws.openDesk()
  const ana = await apiUser(server.url, 'ana')
  const token = await issue(server.url, ana.id)

  // A forged session first: refused before anything rings.
  await trainerPhone.softphone.dial('1001', { practiceSession: await forge(token) })
  await expect(trainerPhone.softphone.status).toContainText(
    'Rechazada: 403 Practice Session Refused (invalid_session)'
  )
  await expect(ws.softphone.status).not.toContainText('Llamada entrante')

  // The real one rings as practice: the persona's card, the badge, the role-play panel.
  await trainerPhone.softphone.dial('1001', { practiceSession: token })
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  await expect(page.getByText('Práctica', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Juego de rol' })).toContainText(
    'Tomás Vidal interpreta a Luis'
  )
  await expect(page.getByRole('region', { name: 'Ficha del cliente' })).toContainText('Luis Romero')
  await ws.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
  await expect(trainerPhone.softphone.status).toHaveText('En llamada')
  // Practice never leaves for a real queue: no transfer on a role-play.
  await expect(page.getByRole('button', { name: 'Transferir' })).toHaveCount(0)
  expect.soft(await seriousViolations(page), 'axe on a role-play call').toEqual([])

  await ws.script.stepButton('Siguiente').click()
  await ws.script.stepButton('Abandonar guion').click()
  await trainerPhone.softphone.hangUp.click()
  await ws.finishWithDisposition('Llamada cortada')
  const result = page.getByRole('region', { name: 'Resultado de la práctica' })
  await expect(result.getByRole('status')).toContainText('No aprobada')
  await result.getByRole('button', { name: 'Cerrar el resultado' }).click()

  // The used session cannot ring again.
  await trainerPhone.softphone.dial('1001', { practiceSession: token })
  await expect(trainerPhone.softphone.status).toContainText(
    'Rechazada: 403 Practice Session Refused (already_used)'
  )

  // Kept as a role-play in her progress.
  await ws.goTo('Calidad e informes')
  const mine = page.getByRole('region', { name: 'Mis prácticas' })
  await expect(async () => {
    await mine.getByRole('button', { name: 'Actualizar' }).click()
    await expect(mine.getByRole('region', { name: 'Prácticas recientes' })).toContainText(
      'Juego de rol'
    )
  }).toPass({ timeout: 20_000 })
})

test("the trainer starts it from Ana's progress, follows her step; his notes and form reach her", async ({
  phones
}) => {
  test.setTimeout(150_000)
  const { ws, page, trainer, tomas, progress } = await retentionRoleplay(phones)
  await progress.getByRole('button', { name: 'Llamar a Ana Ortiz como el cliente' }).click()

  // His desk opens on the call, with the console; hers rings as practice.
  const panel = tomas.getByRole('region', { name: 'Juego de rol con Ana Ortiz' })
  await expect(panel).toContainText('Interpretas a Luis Romero')
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  await ws.softphone.answer.click()
  await expect(trainer.softphone.status).toContainText('En llamada')
  await hears(page, TONE_HZ.tomas)
  await hears(tomas, TONE_HZ.ana)

  // He follows her script and reads the customer's part at her step.
  await expect(panel.getByRole('status').first()).toContainText(
    'Ana Ortiz está en «Hola, … Le llamo de Atiende para revisar sus servicios.»'
  )
  const prompter = panel.getByRole('region', { name: 'Lo que dice el cliente en este paso' })
  await expect(prompter).toContainText('Di: Sí, dígame.')
  await ws.script.stepButton('Siguiente').click()
  await expect(panel.getByRole('status').first()).toContainText('está en «Aviso legal»')
  await expect(prompter).toContainText('no tiene nada para el cliente')
  await panel.getByLabel('Nota sobre «Aviso legal»').fill('Lee el aviso completo, sin resumir.')
  await panel.getByRole('button', { name: 'Añadir la nota' }).click()
  await expect(panel.getByRole('listitem').filter({ hasText: 'Aviso legal:' })).toContainText(
    'Lee el aviso completo'
  )
  await panel.getByLabel('Comentario general').fill('Buen tono. Cuida los pasos obligatorios.')
  expect.soft(await seriousViolations(tomas), 'axe on the role-play console').toEqual([])

  // He hangs up; his side needs no outcome. Her wrap-up scores it as a role-play.
  await trainer.softphone.hangUp.click()
  await panel.getByRole('button', { name: 'Enviar los comentarios a Ana Ortiz' }).click()
  await expect(panel).toContainText('Enviados a Ana Ortiz')
  await ws.script.stepButton('Abandonar guion').click()
  await ws.finishWithDisposition('Llamada cortada')
  await page
    .getByRole('region', { name: 'Resultado de la práctica' })
    .getByRole('button', { name: 'Cerrar el resultado' })
    .click()

  await ws.goTo('Calidad e informes')
  const received = page.getByRole('region', { name: 'Comentarios de tus juegos de rol' })
  await expect(received).toContainText('Tomás Vidal')
  await expect(received).toContainText('Buen tono. Cuida los pasos obligatorios.')
  // The note is on its step, in the script's words.
  await expect(
    received.getByRole('listitem').filter({ hasText: 'Aviso legal:' }).last()
  ).toContainText('Lee el aviso completo, sin resumir.')

  // Once her session (and so her script run) reached the server, he scores her side of the call
  // with the training form, beside his console; the run's questions come filled in.
  await expect(
    page.getByRole('region', { name: 'Mis prácticas' }).getByRole('region', {
      name: 'Prácticas recientes'
    })
  ).toContainText('Juego de rol', { timeout: 20_000 })
  await panel
    .getByRole('button', { name: 'Puntuar a Ana Ortiz con el formulario de formación' })
    .click()
  const scoring = tomas.getByRole('region', { name: 'Evaluación de la llamada' })
  await expect(scoring.getByRole('combobox', { name: 'Formulario' })).toContainText(
    'Formación: llamada de práctica'
  )
  const finished = scoring.locator('[data-question="script-finished"]')
  await expect(finished.getByRole('radio', { name: 'No' })).toBeChecked({ timeout: 10_000 })
  await expect(finished).toContainText('Del guion')
  await expect(finished.getByRole('textbox', { name: 'Comentario' })).toHaveValue(
    'El agente lo abandonó.'
  )
  await scoring
    .locator('[data-question="natural-delivery"]')
    .getByText('3', { exact: true })
    .click()
  await scoring
    .locator('[data-question="natural-delivery"]')
    .getByRole('textbox', { name: 'Comentario' })
    .fill('Leyó el guion de corrido.')
  await answerTheRest(scoring)
  expect.soft(await seriousViolations(tomas), 'axe on the role-play scoring').toEqual([])
  await scoring.getByRole('button', { name: 'Publicar al agente' }).click()
  await expect(tomas.getByText('Evaluación de Ana Ortiz publicada.')).toBeVisible()

  // She reads it among her evaluations and accepts it.
  const mine = page.getByRole('list', { name: 'Mis evaluaciones' })
  const training = mine.getByRole('button').filter({ hasText: 'Práctica' })
  await expect(training).toBeVisible({ timeout: 30_000 })
  await training.click()
  const evaluation = page.getByRole('article', { name: 'Evaluación de Ana Ortiz' })
  await expect(evaluation).toContainText('Leyó el guion de corrido.')
  await page.getByRole('button', { name: 'Acepto la evaluación' }).click()
  await expect(evaluation).toContainText('Aceptada')
})

test('an outbound scenario the other way: Tomás waits, Ana is invited and calls him as the customer', async ({
  phones
}) => {
  test.setTimeout(120_000)
  const { ws, page, trainer, tomas, progress } = await retentionRoleplay(phones)
  // She is reading her evaluations, away from the desk.
  await ws.goTo('Calidad e informes')
  // An outbound script: the trainee dialling comes first, and the hint says why.
  await expect(progress).toContainText('lo natural es que Ana Ortiz te llame')
  await progress.getByRole('button', { name: 'Que Ana Ortiz te llame a ti, el cliente' }).click()

  // His console waits; her desk is invited (the change log pokes it) and she dials him.
  const panel = tomas.getByRole('region', { name: 'Juego de rol con Ana Ortiz' })
  await expect(panel.getByRole('status').first()).toContainText('Esperando la llamada de Ana Ortiz')
  // Away from the desk, the shell tells her and takes her there.
  const notice = page.getByRole('status', { name: 'Invitación a un juego de rol' })
  await expect(notice).toContainText('Tomás Vidal te espera para un juego de rol')
  await notice.getByRole('button', { name: 'Ir al puesto' }).click()
  await expect(notice).toBeHidden()
  const invitation = page.getByRole('region', { name: 'Invitación a un juego de rol' })
  await expect(invitation).toContainText('Tomás Vidal te espera')
  await expect(invitation).toContainText('Retención con objeciones y venta cruzada')
  expect.soft(await seriousViolations(page), 'axe on the invitation').toEqual([])
  await invitation.getByRole('button', { name: 'Llamar a Tomás Vidal (juego de rol)' }).click()

  // Her call is practice from the start: the persona's card and badge; his desk rings with it.
  await expect(page.getByRole('region', { name: 'Ficha del cliente' })).toContainText('Luis Romero')
  await expect(page.getByText('Práctica', { exact: true }).first()).toBeVisible()
  await expect(trainer.softphone.status).toContainText('Llamada entrante')
  await trainer.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
  await hears(page, TONE_HZ.tomas)
  await hears(tomas, TONE_HZ.ana)
  // Taken: the invitation leaves her desk.
  await expect(invitation).toHaveCount(0)

  // He follows her step and the customer's part, as when he calls.
  await expect(panel.getByRole('status').first()).toContainText('Ana Ortiz está en «Hola, …')
  await ws.script.stepButton('Siguiente').click()
  await expect(panel.getByRole('status').first()).toContainText('está en «Aviso legal»')
  await panel.getByLabel('Comentario general').fill('Buena apertura de la llamada saliente.')

  // She hangs up (her call); her wrap-up scores it as a role-play; his feedback reaches her.
  await ws.script.stepButton('Abandonar guion').click()
  await ws.softphone.hangUp.click()
  await ws.finishWithDisposition('Llamada cortada')
  await page
    .getByRole('region', { name: 'Resultado de la práctica' })
    .getByRole('button', { name: 'Cerrar el resultado' })
    .click()
  await panel.getByRole('button', { name: 'Enviar los comentarios a Ana Ortiz' }).click()
  await expect(panel).toContainText('Enviados a Ana Ortiz')
  await ws.goTo('Calidad e informes')
  await expect(
    page.getByRole('region', { name: 'Comentarios de tus juegos de rol' })
  ).toContainText('Buena apertura de la llamada saliente.')
})
