/**
 * One script run per line, end to end: Bruno has the inbound script running on Ana's call, takes
 * Diego's call waiting (Ana goes on hold), works Diego's own run, swaps back and finds Ana's run
 * where he left it, with his answer. Both calls end; the server then holds exactly one run per
 * call, each with its own path. Real Chromium phones through Kamailio, as in the transfer spec.
 */
import { expect, test, type Page } from '@playwright/test'

import { serverInteractions, serverScriptAnalytics } from '../support/server-api'
import type { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import type { Phone } from './support/phones'
import { hears, hearsSilence, openPhone } from './support/softphones'

const ANA_HZ = 440
const BRUNO_HZ = 1000
const DIEGO_HZ = 1700

let system: PhoneSystem
const phones: Phone[] = []

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startPhoneSystem('script-two-lines')
})

test.afterAll(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
  await system.stop()
})

function script(page: Page) {
  return page.getByRole('region', { name: 'Guion de llamada' })
}

function step(page: Page) {
  return script(page).getByRole('article', { name: 'Paso actual' })
}

/** The run's path as the panel lists it (opening the disclosure if it is closed). */
async function pathOf(page: Page): Promise<string[]> {
  const list = script(page).getByRole('list', { name: 'Pasos recorridos' })
  if (!(await list.isVisible())) await script(page).getByText('Recorrido (').click()
  await expect(list).toBeVisible()
  return list.getByRole('listitem').allInnerTexts()
}

async function call(from: WorkstationPage, extension: string): Promise<void> {
  await from.page.getByLabel('Número a marcar').fill(extension)
  await from.page.getByRole('button', { name: 'Llamar', exact: true }).click()
}

const GREETING = 'Buenos días, gracias por llamar.'
const REASON = '¿Cuál es el motivo de la llamada?'
const BILLING_CHECK = '¿Se resolvió la duda de facturación?'
const INFORM = 'Le doy la información que necesita.'

test('each call keeps its own script run across call waiting and a swap', async () => {
  const { server, dir } = system
  const startedAt = new Date().toISOString()
  const ana = await openPhone(server.url, dir, 'ana', ANA_HZ, phones)
  const bruno = await openPhone(server.url, dir, 'bruno', BRUNO_HZ, phones)
  const diego = await openPhone(server.url, dir, 'diego', DIEGO_HZ, phones)
  const b = bruno.page

  // Ana calls; the rules start the inbound script on Bruno's call when he answers.
  await call(ana, '1002')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await b.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await hears(b, ANA_HZ)
  await expect(script(b).getByRole('combobox', { name: 'Cambiar de guion' })).toHaveValue(
    'inbound-service'
  )
  await expect(step(b)).toContainText(GREETING)
  await step(b).getByRole('button', { name: 'Siguiente' }).click()
  await expect(step(b)).toContainText(REASON)
  await step(b).getByRole('button', { name: '1 Facturación' }).click()
  await expect(step(b)).toContainText(BILLING_CHECK)

  // Diego calls: call waiting. The panel stays on Ana's run until Bruno picks the new call.
  await call(diego, '1002')
  await expect(b.getByRole('alert').filter({ hasText: 'Llamada en espera de' })).toContainText(
    'Diego Ramírez'
  )
  await expect(step(b)).toContainText(BILLING_CHECK)

  // Answering puts Ana on hold; Diego's call gets a run of its own, from the start.
  await b.getByRole('button', { name: 'Contestar llamada en espera' }).click()
  await expect(b.getByTestId('caller-id')).toContainText('Diego Ramírez')
  await hears(b, DIEGO_HZ)
  await hearsSilence(ana.page)
  await expect(step(b)).toContainText(GREETING)
  expect(await pathOf(b)).not.toContain('Motivo: billing')
  await step(b).getByRole('button', { name: 'Siguiente' }).click()
  await expect(step(b)).toContainText(REASON)
  await step(b).getByRole('button', { name: '3 Información' }).click()
  await expect(step(b)).toContainText(INFORM)

  // Swap back (Alt+S): Ana's run is where Bruno left it, with his answer kept, and it goes on.
  await b.keyboard.press('Alt+S')
  await expect(b.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await hears(b, ANA_HZ)
  await expect(step(b)).toContainText(BILLING_CHECK)
  const anaPath = await pathOf(b)
  expect(anaPath).toContain('Motivo: billing')
  expect(anaPath).not.toContain('Motivo: information')

  // Diego's held line hangs up first: his run ends there, and Ana's, in front, is untouched.
  await b.getByRole('button', { name: 'Colgar a Diego Ramírez' }).click()
  await expect(diego.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await expect(step(b)).toContainText(BILLING_CHECK)
  await step(b).getByRole('button', { name: '1 Sí' }).click()
  await expect(step(b)).toContainText('Gracias por llamar')
  await step(b).getByRole('button', { name: 'Siguiente' }).click()
  await expect(step(b)).toContainText('Resultado: Resuelto en la llamada')
  await step(b).getByRole('button', { name: 'Cerrar guion' }).click()
  await expect(script(b).getByRole('status')).toHaveText('Guion completado')

  // Ana's call ends; its wrap-up starts with the script's outcome as the disposition.
  await b.getByRole('button', { name: 'Colgar', exact: true }).click()
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.wrapUp.getByRole('radio', { name: 'Resuelto en la llamada' })).toBeChecked()
  await bruno.finishWithDisposition()
  // Diego's call ended behind Ana's: it gets its own wrap-up next, with his card.
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(b.getByTestId('caller-id')).toContainText('Diego Ramírez')
  await expect(
    bruno.wrapUp.getByRole('radio', { name: 'Resuelto en la llamada' })
  ).not.toBeChecked()
  await bruno.finishWithDisposition()
  await expect(bruno.phoneStatus).toContainText('Disponible')
  // The callers wrap up their side too: every answered call gets its disposition.
  for (const caller of [ana, diego]) {
    await expect(caller.phoneStatus).toContainText('Trabajo posterior a la llamada')
    await caller.finishWithDisposition()
    await expect(caller.phoneStatus).toContainText('Disponible')
  }

  // The server has one run per call: Ana's closed through billing, Diego's abandoned when his
  // call ended, at the information step. A shared or repeated run would show in every figure.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'inbound-service', 1, false)
      return {
        runs: report.runs,
        closed: report.closed,
        abandoned: report.abandoned,
        outcomes: report.outcomes,
        nodes: report.nodes.map((n) => `${n.nodeId}:${String(n.runs)}:${String(n.dropOffs)}`).sort()
      }
    })
    .toEqual({
      runs: 2,
      closed: 1,
      abandoned: 1,
      outcomes: [{ code: 'resolved', runs: 1 }],
      // Branch steps are on the path too; "node:runs that reached it:drop-offs there".
      nodes: [
        'billing-check:1:0',
        'billing-route:1:0',
        'end-resolved:1:0',
        'greet-unknown:2:0',
        'greet:2:0',
        'inform:1:1',
        'reason:2:0',
        'route:2:0',
        'wrap-resolved:1:0'
      ]
    })
  // And they belong to Bruno's two answered calls, nothing more.
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt && i.direction === 'inbound')
        .map((i) => i.result)
    )
    .toEqual(['answered', 'answered'])
})
