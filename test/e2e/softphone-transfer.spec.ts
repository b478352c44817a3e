/**
 * Several calls at once through Kamailio: transfers (blind, attended, cancelled consultation),
 * call waiting with swapping, DTMF that reaches the far end, no answer and caller cancel; then
 * the ways a call starts without typing: redial, auto-answer, click-to-call from the card.
 * Three agents, each in their own Chromium process speaking their own tone, stay logged in for
 * the whole file; every test leaves them available again.
 */
import { serverInteractions } from '@support/server-api'
import type { ServerProcess } from '@support/server-process'
import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import { TONE_HZ, Phones, hears, hearsSilence } from './support/softphones'
import { finishAfterCall } from './support/customer-line'

const ANA_HZ = TONE_HZ.ana
const BRUNO_HZ = TONE_HZ.bruno
const DIEGO_HZ = TONE_HZ.diego

const choice = { phoneSystem: true, ownServer: false } as const
test.use(choice)

let server: ServerProcess
let phones: Phones
let ana: Workstation
let bruno: Workstation
let diego: Workstation

test.describe.configure({ mode: 'serial' })

// The three phones stay up for the whole file, so they are opened here rather than per test.
test.beforeAll(async ({ environments }, testInfo) => {
  test.setTimeout(120_000)
  ;({ server } = await environments.for(testInfo.file, choice))
  phones = new Phones(server.url, environments.dir)
  ana = await phones.open('ana')
  bruno = await phones.open('bruno')
  diego = await phones.open('diego')
})

test.afterEach(async () => {
  // Whatever a test left behind: end calls and after-call work, so the next starts available.
  for (const agent of [ana, bruno, diego]) {
    const hangUp = agent.softphone.hangUp
    // The other party's hang-up may end this call first: then there is nothing to click.
    if (await hangUp.isVisible()) await hangUp.click({ timeout: 2000 }).catch(() => undefined)
  }
  for (const agent of [ana, bruno, diego]) {
    const finish = agent.softphone.finishWrapUp
    await expect(finish.or(agent.softphone.status.filter({ hasText: 'Disponible' }))).toBeVisible()
    if (await finish.isVisible()) await finishAfterCall(agent)
    await expect(agent.softphone.status).toContainText('Disponible')
  }
})

test.afterAll(async () => {
  await phones.closeAll()
})

async function call(from: Workstation, extension: string): Promise<void> {
  await from.softphone.dial(extension)
}

/** `from` calls `to`, `to` answers, and each hears the other. */
async function connect(
  from: Workstation,
  fromHz: number,
  to: Workstation,
  toHz: number,
  extension: string
): Promise<void> {
  await call(from, extension)
  await expect(to.softphone.status).toContainText('Llamada entrante')
  await to.softphone.answer.click()
  await expect(from.softphone.status).toContainText('En llamada')
  await expect(to.softphone.status).toContainText('En llamada')
  await hears(from.page, toHz)
  await hears(to.page, fromHz)
}

function alert(agent: Workstation, text: string) {
  return agent.softphone.alert(text)
}

async function openTransfer(agent: Workstation, target: string): Promise<void> {
  // Keyboard first: Alt+T opens the form with the cursor in the target field.
  await agent.page.keyboard.press('Alt+T')
  const field = agent.softphone.transferTarget
  await expect(field).toBeFocused()
  await field.fill(target)
}

test('blind transfer: the caller lands on the third agent, with audio both ways', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.softphone.button('Transferencia directa').click()
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')

  await expect(diego.softphone.status).toContainText('Llamada entrante')
  await expect(diego.softphone.callerId).toContainText('Ana Ortiz')
  await diego.softphone.answer.click()
  await expect(diego.softphone.status).toContainText('En llamada')
  await expect(ana.softphone.status).toContainText('En llamada')
  await hears(ana.page, DIEGO_HZ)
  await hears(diego.page, ANA_HZ)
})

test('attended transfer: consult the target while the caller holds, then hand over', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.softphone.button('Consultar primero').click()
  await expect(diego.softphone.status).toContainText('Llamada entrante')
  await expect(diego.softphone.callerId).toContainText('Bruno Salas')
  // Ana waits on hold: she hears nothing while Bruno and Diego talk.
  await hearsSilence(ana.page)
  await diego.softphone.answer.click()
  await expect(
    bruno.softphone.callBar.getByText('Consultando; Ana Ortiz espera en línea')
  ).toBeVisible()
  await hears(bruno.page, DIEGO_HZ)
  await hears(diego.page, BRUNO_HZ)
  await hearsSilence(ana.page)

  await bruno.softphone.button('Completar transferencia').click()
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  // Diego's consult call is replaced by Ana's, without ringing again.
  await expect(diego.softphone.callerId).toContainText('Ana Ortiz')
  await expect(diego.softphone.status).toContainText('En llamada')
  await expect(ana.softphone.status).toContainText('En llamada')
  await hears(ana.page, DIEGO_HZ)
  await hears(diego.page, ANA_HZ)
})

test('cancelling the consultation returns to the held caller, with audio', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.softphone.button('Consultar primero').click()
  await expect(diego.softphone.status).toContainText('Llamada entrante')
  await diego.softphone.answer.click()
  await hears(bruno.page, DIEGO_HZ)

  await bruno.softphone.button('Cancelar consulta').click()
  await expect(diego.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.softphone.status).toContainText('En llamada')
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
})

test('call waiting: answer the second call, the first holds, swap back; single line says busy', async () => {
  const startedAt = new Date().toISOString()
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await call(diego, '1002')
  await expect(alert(bruno, 'Llamada en espera de')).toContainText('Diego Ramírez')
  // The card and the phone stay on Ana until Bruno picks the new caller.
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await expect(bruno.softphone.status).toContainText('En llamada')

  await bruno.softphone.button('Contestar llamada en espera').click()
  await expect(bruno.softphone.callerId).toContainText('Diego Ramírez')
  await expect(diego.softphone.status).toContainText('En llamada')
  await hears(bruno.page, DIEGO_HZ)
  await hears(diego.page, BRUNO_HZ)
  await hearsSilence(ana.page)

  await bruno.page.keyboard.press('Alt+S')
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await expect(bruno.softphone.button('Pasar a Diego Ramírez')).toBeVisible()
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
  await hearsSilence(diego.page)

  // Hang up the held line; the call in front goes on.
  await bruno.softphone.button('Colgar a Diego Ramírez').click()
  await expect(diego.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.softphone.status).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)

  // Single-line mode: a second caller gets busy (486), as before call waiting existed.
  await bruno.preferences.open()
  await bruno.preferences.field('Una sola línea').check()
  await bruno.preferences.save.click()
  await finishAfterCall(diego)
  await call(diego, '1002')
  await expect(alert(diego, '486')).toBeVisible()
  await expect(diego.softphone.status).toContainText('Disponible')
  await bruno.preferences.field('Una sola línea').uncheck()
  await bruno.preferences.save.click()

  // Every call is its own interaction record: Bruno's three (two answered, the busy one
  // declined), with hold time only on the calls he held.
  await bruno.softphone.hangUp.click()
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.endedBy)}:${String(i.holdSeconds > 0)}`)
        .sort()
    )
    .toEqual([
      'inbound:answered:local:true',
      'inbound:answered:local:true',
      'inbound:declined:local:false',
      'outbound:answered:remote:false',
      'outbound:answered:remote:false',
      'outbound:failed:remote:false'
    ])
  // Two answered calls, two wrap-ups: Ana's (in front when it ended), then Diego's, hung up
  // while he held.
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await finishAfterCall(bruno)
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.softphone.callerId).toContainText('Diego Ramírez')
  await finishAfterCall(bruno)
  await expect(bruno.softphone.status).toContainText('Disponible')
})

test('DTMF digits sent as SIP INFO arrive at the far end', async () => {
  // Chromium plays received RFC 4733 events into the audio and never hands them to JavaScript,
  // so no receiving WebRTC phone can observe them. SIP INFO is a real alternative agents pick
  // for PBXes and IVRs that only read signalling, and the receiving Atiende shows what arrived:
  // this proves the digits cross Kamailio end to end, not merely that a sender API was called.
  await ana.preferences.open()
  await ana.preferences.field('Envío de tonos').selectOption({ label: 'SIP INFO' })
  await ana.preferences.save.click()
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  for (const digit of ['4', '2', '#']) {
    await ana.softphone.button(`Tono ${digit}`).click()
  }
  await expect(bruno.softphone.digitsReceived).toHaveText('42#')
})

test('an unanswered call ends with "no answer"; a caller who gives up leaves a missed call', async () => {
  const startedAt = new Date().toISOString()
  await ana.preferences.open()
  const timeout = ana.preferences.field(/Tiempo máximo de llamada saliente/)
  await timeout.fill('3')
  await ana.preferences.save.click()

  await call(ana, '1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(alert(ana, 'No contesta')).toBeVisible()
  await expect(ana.softphone.status).toContainText('Disponible')
  await expect(bruno.softphone.status).toContainText('Disponible')

  await timeout.fill('60')
  await ana.preferences.save.click()
  await call(ana, '1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await ana.softphone.hangUp.click()
  await expect(ana.softphone.status).toContainText('Disponible')
  await expect(bruno.softphone.status).toContainText('Disponible')

  // Both attempts reached the server: failed for Ana, missed for Bruno.
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.endedBy)}`)
        .sort()
    )
    .toEqual([
      'inbound:missed:remote',
      'inbound:missed:remote',
      'outbound:failed:local',
      'outbound:failed:local'
    ])
})

test('redial calls the last number again, from the keyboard', async () => {
  await call(ana, '1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await bruno.page.keyboard.press('Alt+D')
  await expect(alert(ana, '486')).toBeVisible()
  await expect(ana.softphone.button('Volver a llamar a 1002')).toBeVisible()

  await ana.page.keyboard.press('Alt+R')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await bruno.page.keyboard.press('Alt+A')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)
})

test('auto-answer: always answers by itself; "when asked" answers an intercom INVITE', async ({
  sipPeer
}) => {
  await bruno.preferences.open()
  const mode = bruno.preferences.field('Contestar automáticamente')
  await mode.selectOption({ label: 'Siempre' })
  await bruno.preferences.save.click()
  await call(ana, '1002')
  await expect(bruno.softphone.status).toContainText('En llamada')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)
  await bruno.softphone.hangUp.click()
  await finishAfterCall(bruno)

  // A PBX page (Call-Info answer-after=0) from a plain RTP peer: Bruno's phone answers it by
  // itself, which for a classic peer without a media relay ends in after-call work (a declined
  // or unanswered call would have gone straight back to available).
  await mode.selectOption({ label: 'Cuando la centralita lo pida (intercomunicador)' })
  await bruno.preferences.save.click()
  const sipp = sipPeer.call({
    extension: '1002',
    callerNumber: '2001',
    callerName: 'Megafonía',
    headers: { 'Call-Info': '<sip:pbx@atiende.local>;answer-after=0' }
  })
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await mode.selectOption({ label: 'Nunca' })
  await bruno.preferences.save.click()
})

test("click-to-call dials a number from the customer's card", async () => {
  await ana.waitForFirstSync()
  await ana.page.keyboard.press('/')
  await ana.page.keyboard.type('jose nunez pena')
  const results = ana.card.results
  await expect(results.getByRole('option').first()).toContainText('José Núñez Peña')
  await ana.page.keyboard.press('Enter')
  await ana.card.region.getByRole('button', { name: 'Llamar a +34612345678' }).click()
  // Nobody in this test owns that number: the INVITE leaves and the proxy says so.
  await expect(alert(ana, '480')).toBeVisible()
  await expect(ana.softphone.status).toContainText('Disponible')
})
