/**
 * Script action steps the agent carries out, on SIP calls through Kamailio: an offer whose answer
 * (1 accepts, 2 declines) is kept on the run's path and tied to the card's next-best offer, on a
 * known customer's call; and a transfer that waits in the phone's transfer field until the agent
 * confirms it (the caller lands on the queue's extension).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { uploadScript } from '@scripts/script-upload'
import { serverScriptAnalytics } from '@support/server-api'
import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import { asCustomerLine } from './support/customer-line'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// Extension 1003 is Diego's: the "queue" a PBX would reach by that name at the SIP domain.
const SCRIPT = `id: script-actions
version: 1
title: { es: Acciones de prueba, en: Test actions }
start: offer
queues: ['1003']
dispositions:
  - { code: done, label: { es: Hecho, en: Done } }
nodes:
  - id: offer
    kind: action
    title: { es: Oferta, en: Offer }
    text: { es: 'Ofrezca la recomendación.', en: 'Make the recommended offer.' }
    action: { type: offer_product, product: next_best_offer }
    next: transfer
  - id: transfer
    kind: action
    title: { es: Transferencia, en: Transfer }
    action: { type: transfer, queue: '1003' }
    next: end
  - id: end
    kind: end
    outcome: done
`

// The script published here takes the calls of queue 1003 on this server: nobody else's.
const choice = { phoneSystem: true, ownServer: true } as const
test.use(choice)

test.beforeAll(async ({ environments }, testInfo) => {
  const { server } = await environments.for(testInfo.file, choice)
  const file = join(mkdtempSync(join(tmpdir(), 'atiende-actions-')), 'script-actions.yaml')
  try {
    writeFileSync(file, SCRIPT)
    const lines = await uploadScript({
      file,
      server: server.url,
      user: 'tomas',
      password: 'atiende',
      publish: true
    })
    expect(lines).toContain('published script-actions v1')
  } finally {
    rmSync(join(file, '..'), { recursive: true, force: true })
  }
})

async function switchToActions(ws: Workstation): Promise<void> {
  await ws.script.switcher.selectOption('script-actions')
  await expect(ws.script.step).toContainText('Oferta')
}

test('an offer records the answer on the path and reaches the server with the run', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const { script } = ws
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('fernando')])
  await answerKnownCaller(ws, 'fernando', caller, { keyboard: true })
  await switchToActions(ws)

  // José's next-best offer is home insurance: the step names it and ties it to the card.
  await expect(script.step).toContainText('Ofrezca el producto INS-HOME')
  await expect(script.step).toContainText(
    'Es la siguiente mejor oferta de la ficha: Seguro de hogar (cliente de alto rendimiento)'
  )
  await expect(script.stepButton('1 Acepta la oferta')).toBeVisible()
  // Keys answer while focus is in the script panel (the switch left it on the script list).
  await script.step.getByText('Ofrezca la recomendación.').click()
  await page.keyboard.press('1')

  // The transfer step prepares it in the phone (the next test confirms one); the agent leaves it
  // unconfirmed and goes back to the script to move on.
  await expect(script.step).toContainText('Transferencia')
  const prepared = script.step.getByText('Transferencia a la cola «1003» preparada en el teléfono')
  await expect(prepared).toBeVisible()
  await expect(ws.softphone.transferTarget).toHaveValue('sip:1003@atiende.local')
  await prepared.click()
  await page.keyboard.press('Enter')
  await expect(script.step).toContainText('Resultado: Hecho')
  await page.keyboard.press('Enter')
  await expect(script.status).toHaveText('Guion completado')
  await script.openPath()
  await expect(script.path).toContainText('Oferta: accepted')

  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'script-actions', 1, false)
      return { runs: report.runs, closed: report.closed, nodes: report.nodes.map((n) => n.nodeId) }
    })
    .toEqual({ runs: 1, closed: 1, nodes: ['offer', 'transfer', 'end'] })
})

test('a transfer step fills the transfer field and the agent confirms it', async ({ phones }) => {
  // Ana plays a customer: her phone calls from a number that is nobody's extension.
  const ana = await phones.open('ana', asCustomerLine('5550101'))
  const bruno = await phones.open('bruno')
  const diego = await phones.open('diego')
  await bruno.waitForFirstSync()

  await ana.softphone.dial('1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await bruno.softphone.answer.click()
  await expect(bruno.softphone.status).toContainText('En llamada')
  await switchToActions(bruno)

  // Ana is no customer: nothing to offer, so the step asks nothing and Next moves on.
  await expect(bruno.script.step).toContainText('No hay oferta para este cliente')
  await bruno.script.stepButton('Siguiente').click()

  // Nothing moves until the agent confirms in the phone's own transfer form.
  await expect(bruno.script.step).toContainText('preparada en el teléfono')
  const field = bruno.softphone.transferTarget
  await expect(field).toHaveValue('sip:1003@atiende.local')
  await expect(field).toBeFocused()
  await expect(bruno.softphone.status).toContainText('En llamada')
  await bruno.page.keyboard.press('Enter')

  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(diego.softphone.status).toContainText('Llamada entrante')
  await expect(diego.softphone.callerId).toContainText('Ana Ortiz')
  await diego.softphone.answer.click()
  await expect(ana.softphone.status).toContainText('En llamada')
  await expect(diego.softphone.status).toContainText('En llamada')
})
