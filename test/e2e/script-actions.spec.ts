/**
 * Script action steps the agent carries out: an offer whose answer (1 accepts, 2 declines) is
 * kept on the run's path and tied to the card's next-best offer, on a practice call; and a
 * transfer that waits in the phone's transfer field until the agent confirms it, on a SIP call
 * through Kamailio (the caller lands on the queue's extension).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test, type Page } from '@playwright/test'

import { uploadScript } from '../../scripts/script-upload'

import { serverScriptAnalytics } from '../support/server-api'
import { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import type { Phone } from './support/phones'
import { openPhone } from './support/softphones'

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

let system: PhoneSystem
const phones: Phone[] = []

test.beforeAll(async () => {
  system = await startPhoneSystem('script-actions')
  const file = join(mkdtempSync(join(tmpdir(), 'atiende-actions-')), 'script-actions.yaml')
  try {
    writeFileSync(file, SCRIPT)
    const lines = await uploadScript({
      file,
      server: system.server.url,
      user: 'tomas',
      password: 'atiende',
      publish: true
    })
    expect(lines).toContain('published script-actions v1')
  } finally {
    rmSync(join(file, '..'), { recursive: true, force: true })
  }
})

test.afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
})

test.afterAll(async () => {
  await system.stop()
})

function script(page: Page) {
  return page.getByRole('region', { name: 'Guion de llamada' })
}

function step(page: Page) {
  return script(page).getByRole('article', { name: 'Paso actual' })
}

async function switchToActions(page: Page): Promise<void> {
  await script(page)
    .getByRole('combobox', { name: 'Cambiar de guion' })
    .selectOption('script-actions')
  await expect(step(page)).toContainText('Oferta')
}

test('an offer records the answer on the path and reaches the server with the run', async ({
  page
}) => {
  await page.goto(system.server.url)
  const ws = new WorkstationPage(page)
  await ws.login('fernando')
  await ws.waitForFirstSync()
  await page.keyboard.press('Alt+P')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await page.keyboard.press('Alt+A')
  await expect(ws.phoneStatus).toContainText('En llamada')
  await switchToActions(page)

  // José's next-best offer is home insurance: the step names it and ties it to the card.
  await expect(step(page)).toContainText('Ofrezca el producto INS-HOME')
  await expect(step(page)).toContainText(
    'Es la siguiente mejor oferta de la ficha: Seguro de hogar (cliente de alto rendimiento)'
  )
  await expect(step(page).getByRole('button', { name: '1 Acepta la oferta' })).toBeVisible()
  // Keys answer while focus is in the script panel (the switch left it on the script list).
  await step(page).getByText('Ofrezca la recomendación.').click()
  await page.keyboard.press('1')

  // The transfer step names its destination; a practice call has no transfer field.
  await expect(step(page)).toContainText('Transferencia')
  await expect(step(page)).toContainText('Transferencia a la cola «1003»')
  await page.keyboard.press('Enter')
  await expect(step(page)).toContainText('Resultado: Hecho')
  await page.keyboard.press('Enter')
  await expect(script(page).getByRole('status')).toHaveText('Guion completado')
  await script(page).getByText('Recorrido (').click()
  await expect(script(page).getByRole('list', { name: 'Pasos recorridos' })).toContainText(
    'Oferta: accepted'
  )

  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(system.server.url, 'script-actions', 1, true)
      return { runs: report.runs, closed: report.closed, nodes: report.nodes.map((n) => n.nodeId) }
    })
    .toEqual({ runs: 1, closed: 1, nodes: ['offer', 'transfer', 'end'] })
})

test('a transfer step fills the transfer field and the agent confirms it', async () => {
  const ana = await openPhone(system.server.url, system.dir, 'ana', 440, phones)
  const bruno = await openPhone(system.server.url, system.dir, 'bruno', 1000, phones)
  const diego = await openPhone(system.server.url, system.dir, 'diego', 1700, phones)
  await bruno.waitForFirstSync()

  await ana.page.getByLabel('Número a marcar').fill('1002')
  await ana.page.getByRole('button', { name: 'Llamar', exact: true }).click()
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await bruno.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await switchToActions(bruno.page)

  // Ana is no customer: nothing to offer, so the step asks nothing and Next moves on.
  await expect(step(bruno.page)).toContainText('No hay oferta para este cliente')
  await step(bruno.page).getByRole('button', { name: 'Siguiente' }).click()

  // Nothing moves until the agent confirms in the phone's own transfer form.
  await expect(step(bruno.page)).toContainText('preparada en el teléfono')
  const field = bruno.page.getByLabel('Transferir a')
  await expect(field).toHaveValue('sip:1003@atiende.local')
  await expect(field).toBeFocused()
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await bruno.page.keyboard.press('Enter')

  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(diego.phoneStatus).toContainText('Llamada entrante')
  await expect(diego.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await diego.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(ana.phoneStatus).toContainText('En llamada')
  await expect(diego.phoneStatus).toContainText('En llamada')
})
