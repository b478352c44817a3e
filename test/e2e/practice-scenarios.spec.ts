/**
 * Practice scenarios end to end:
 * - the scenario library in the Training workspace: the server seeds the four sample scenarios;
 *   a trainer reads one whole (the fictional customer, what passes, the path with the customer's
 *   lines) in Spanish and English, and axe finds nothing serious on it;
 * - a practice call rings the scenario's persona, never a real customer: the card says it is
 *   practice, the call runs on the scenario's script with the customer's lines shown and heard
 *   (the server rendered them with espeak-ng; the desk plays them on the call speaker), and the
 *   complaint filed on it reaches the server marked practice, naming the persona and no
 *   customer, seen by the trainee and the trainers but never the real lead.
 */
import { createHash } from 'node:crypto'

import { complaintIdsSeenBy, loginAs, serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import { recordPlayedAudio } from './support/played-audio'
import { hearsSomeSound } from './support/softphones'

const FIRST_LINE = 'Es la segunda vez que me cobran dos veces el mismo mes. Estoy pensando en irme.'

/**
 * Waits until the server has rendered `line` (it renders the samples in the background at
 * start): the spec may run before it got to this one.
 */
async function audioRendered(serverUrl: string, line: string): Promise<void> {
  const { accessToken } = await loginAs(serverUrl, 'ana')
  const key = createHash('sha256').update(`es\n${line}`, 'utf8').digest('hex')
  await expect
    .poll(
      async () =>
        (
          await fetch(`${serverUrl}/api/practice-scenarios/audio/${key}`, {
            headers: { authorization: `Bearer ${accessToken}` }
          })
        ).status,
      { timeout: 60_000 }
    )
    .toBe(200)
}

test('a trainer reads a seeded practice scenario: persona, goals and the customer’s lines', async ({
  workstation,
  page
}) => {
  await workstation.login('tomas')
  await workstation.goTo('Formación')
  const library = page.getByRole('region', { name: 'Escenarios de práctica' })
  // The four samples, each with its fictional customer and script.
  await expect(library.getByRole('listitem').getByRole('button')).toHaveCount(4)
  const winBack = library.getByRole('button', { name: /^Recuperar a una clienta de alto valor/ })
  await winBack.click()
  await expect(winBack).toHaveAttribute('aria-pressed', 'true')
  const detail = library.getByRole('article', { name: 'Recuperar a una clienta de alto valor' })
  await expect(detail.getByRole('region', { name: 'Cliente ficticio' })).toContainText(
    'Marta Vidal'
  )
  await expect(detail).toContainText('Compensar dentro de la autoridad: hasta 100,00 US$')
  await expect(detail).toContainText('Es la segunda vez que me cobran dos veces el mismo mes.')
  expect.soft(await seriousViolations(page), 'axe on the scenario library').toEqual([])

  await workstation.setLanguage('en')
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('button', { name: 'Training', exact: true })
    .click()
  const english = page.getByRole('region', { name: 'Practice scenarios' })
  await english.getByRole('button', { name: /^Win back a high-value customer/ }).click()
  await expect(english).toContainText('This is the second time you have charged me twice')
})

test('a practice call pops the persona, and its complaint stays practice, away from the lead', async ({
  workstation,
  page,
  server
}) => {
  // What the page plays is measured: the probe goes in before the app loads.
  await recordPlayedAudio(page.context())
  await page.reload()
  await audioRendered(server.url, FIRST_LINE)
  await workstation.loginSynced('ana')
  await workstation.openDesk()
  const phone = page.getByRole('region', { name: 'Teléfono' })
  await phone
    .getByRole('combobox', { name: 'Escenario de práctica' })
    .selectOption({ label: 'Recuperar a una clienta de alto valor' })
  await phone.getByRole('button', { name: 'Iniciar llamada de práctica' }).click()
  const card = page.getByRole('region', { name: 'Ficha del cliente' })
  await expect(card.getByRole('heading', { name: 'Marta Vidal' })).toBeVisible()
  await expect(card.getByRole('note')).toContainText('cliente ficticio del escenario')
  // The persona's record comes from the scenario: the cache never holds a persona.
  await expect(card).toContainText('Cargo duplicado de enero sin reembolsar.')
  await workstation.softphone.answer.click()
  await expect(workstation.softphone.status).toContainText('En llamada')
  // The call runs on the scenario's script, and the simulated customer speaks its first line:
  // shown, and heard in the call's audio output.
  await expect(page.getByRole('region', { name: 'Cliente de práctica: Marta' })).toContainText(
    FIRST_LINE
  )
  await hearsSomeSound(page)

  const description = `Práctica ${String(Date.now())}: cobro duplicado`
  await workstation.logComplaint('Facturación', description)
  // The trainee's list says which of their cases are practice.
  await expect(workstation.complaints.complaint(description)).toContainText('Práctica')
  await expect
    .poll(async () =>
      (await serverComplaints(server.url))
        .filter((c) => c.description === description)
        .map((c) => ({ practice: c.practice, personaId: c.personaId, customerId: c.customerId }))
    )
    .toEqual([{ practice: true, personaId: 'persona-marta-vidal', customerId: null }])
  const id = (await serverComplaints(server.url)).find((c) => c.description === description)?.id
  expect(await complaintIdsSeenBy(server.url, 'tomas')).toContain(id)
  expect(await complaintIdsSeenBy(server.url, 'carla')).not.toContain(id)
})
