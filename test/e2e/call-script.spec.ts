/**
 * The guided script on a practice call: chosen by the rules when the call connects, driven from
 * the keyboard, switched mid-call, an objection jump that returns to the step the agent was on,
 * and a mandatory legal line that keeps the agent in wrap-up until it is confirmed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { expect, test, type Page } from '@playwright/test'

import { uploadScript } from '../../scripts/script-upload'

import { serverScriptAnalytics } from '../support/server-api'
import { ServerProcess } from '../support/server-process'
import { WorkstationPage } from './pages/workstation-page'

let server: ServerProcess

test.beforeAll(async () => {
  server = await ServerProcess.create()
  await server.start()
})

test.afterAll(async () => {
  await server.stop()
})

function script(page: Page) {
  return page.getByRole('region', { name: 'Guion de llamada' })
}

function step(page: Page) {
  return script(page).getByRole('article', { name: 'Paso actual' })
}

async function answeredPracticeCall(page: Page, username: string): Promise<WorkstationPage> {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login(username)
  await ws.waitForFirstSync()
  await page.keyboard.press('Alt+P')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await page.keyboard.press('Alt+A')
  await expect(ws.phoneStatus).toContainText('En llamada')
  return ws
}

test('the inbound script leads a call from the keyboard to its outcome', async ({
  page,
  browser
}) => {
  await answeredPracticeCall(page, 'fernando')
  await expect(script(page).getByRole('combobox', { name: 'Cambiar de guion' })).toHaveValue(
    'inbound-service'
  )
  await expect(step(page)).toContainText('Buenos días, José. Gracias por llamar.')

  await page.keyboard.press('Enter')
  await expect(step(page)).toContainText('¿Cuál es el motivo de la llamada?')
  await expect(step(page).getByRole('button', { name: '3 Información' })).toBeVisible()
  await page.keyboard.press('3')
  await expect(step(page)).toContainText('Le doy la información que necesita')

  // Back returns to the question with its answer kept; the agent changes nothing and goes on.
  await page.keyboard.press('Backspace')
  await expect(step(page).getByRole('button', { name: '3 Información' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await page.keyboard.press('3')
  await page.keyboard.press('Enter')
  await expect(step(page)).toContainText('Gracias por llamar, José.')
  await page.keyboard.press('Enter')
  await expect(step(page)).toContainText('Resultado: Resuelto en la llamada')
  await page.keyboard.press('Enter')
  await expect(script(page).getByRole('status')).toHaveText('Guion completado')
  await script(page).getByText('Recorrido (').click()
  await expect(script(page).getByRole('list', { name: 'Pasos recorridos' })).toContainText(
    'Motivo: information'
  )

  // The run record reaches the server: a practice run, completed, with its path.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'inbound-service', 1, true)
      return { runs: report.runs, closed: report.closed, outcomes: report.outcomes }
    })
    .toEqual({ runs: 1, closed: 1, outcomes: [{ code: 'resolved', runs: 1 }] })

  // Fernando's lead reads the figures in the app: practice runs of the inbound script.
  const lead = (await WorkstationPage.loggedIn(browser, server.url, 'gloria')).page
  await script(lead).getByText('Análisis de guiones').click()
  await script(lead)
    .getByRole('combobox', { name: 'Guion y versión' })
    .selectOption({ label: 'Llamada entrante de servicio (v1)' })
  await script(lead).getByRole('checkbox', { name: 'Llamadas de práctica' }).check()
  await script(lead).getByRole('button', { name: 'Ver análisis' }).click()
  const results = script(lead).getByRole('region', { name: 'Resultados del análisis' })
  await expect(results).toContainText(/1 ejecuciones · 100\s%\scompletadas · 0 abandonadas/)
  await expect(results.getByRole('list', { name: 'Resultados' })).toContainText(
    'Resuelto en la llamada: 1'
  )
  await expect(results.getByRole('row', { name: /^Motivo/ })).toContainText('0 (0\u00a0%)')
  await lead.context().close()
})

test('an objection jump returns to the step, and a mandatory line holds the wrap-up', async ({
  page
}) => {
  const ws = await answeredPracticeCall(page, 'diego')
  await script(page)
    .getByRole('combobox', { name: 'Cambiar de guion' })
    .selectOption({ label: 'Llamada saliente de retención y venta cruzada' })
  await expect(step(page)).toContainText('Le llamo de Atiende para revisar sus servicios')
  await step(page).getByRole('button', { name: 'Siguiente' }).click()
  await expect(step(page).getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await expect(step(page)).toContainText('Obligatorio: confirme que lo ha leído')

  await script(page).getByRole('button', { name: 'Objeción: precio' }).click()
  await expect(step(page).getByRole('heading', { name: 'Aviso legal' })).toHaveCount(0)
  await script(page).getByRole('button', { name: 'Volver al guion' }).click()
  await expect(step(page).getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await expect(script(page).getByRole('list', { name: 'Pasos obligatorios' })).toContainText(
    'Pendiente: Aviso legal'
  )

  // The customer hangs up before the disclosure was confirmed: the agent cannot finish yet.
  await page.keyboard.press('Alt+H')
  await expect(ws.phoneStatus).toContainText('Trabajo posterior a la llamada')
  const finish = page.getByRole('button', { name: 'Terminar y quedar disponible' })
  await finish.click()
  await expect(page.getByRole('alert').filter({ hasText: 'pasos obligatorios' })).toBeVisible()
  await expect(ws.phoneStatus).toContainText('Trabajo posterior a la llamada')

  await step(page).getByRole('button', { name: 'Confirmar lectura' }).click()
  await expect(script(page).getByRole('list', { name: 'Pasos obligatorios' })).toContainText(
    '✓ Aviso legal'
  )
  await ws.finishWithDisposition()
  await expect(ws.phoneStatus).toContainText('Disponible')
  await expect(script(page)).toContainText('El guion empieza al contestar una llamada.')

  // Both runs reached the server: the switched-away inbound script as abandoned at its first
  // step, and the retention script abandoned at the disclosure, confirmed at the last moment.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'outbound-retention', 1, true)
      return report.nodes.filter((n) => n.dropOffs > 0).map((n) => n.nodeId)
    })
    .toEqual(['disclosure'])
})

test('a trainer previews a script without a call, and nothing is kept', async ({ page }) => {
  await page.goto(server.url)
  await new WorkstationPage(page).login('tomas')
  await script(page)
    .getByRole('combobox', { name: 'Vista previa de guion' })
    .selectOption({ label: 'Encuesta de satisfacción' })
  await expect(script(page)).toContainText('Vista previa: no se guarda nada.')
  await expect(step(page)).toContainText('¿Tiene dos minutos para una breve encuesta')
  await step(page).getByRole('button', { name: '1 Sí' }).click()
  await expect(step(page)).not.toContainText('¿Tiene dos minutos')
  await script(page).getByRole('button', { name: 'Cerrar vista previa' }).click()
  await expect(step(page)).toHaveCount(0)
  await expect(script(page)).toContainText('El guion empieza al contestar una llamada.')
})

test('a version published on the server replaces the bundled script on the next call', async ({
  page
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'atiende-publish-'))
  try {
    const file = join(dir, 'inbound-service.yaml')
    const bundled = readFileSync(
      resolve(import.meta.dirname, '../../resources/scripts/inbound-service.yaml'),
      'utf8'
    )
    writeFileSync(
      file,
      bundled
        .replace(/^version: 1$/m, 'version: 2')
        .replace('Gracias por llamar. ¿En qué puedo ayudarle?', 'Bienvenido de nuevo a Atiende.')
    )
    const lines = await uploadScript({
      file,
      server: server.url,
      user: 'tomas',
      password: 'atiende',
      publish: true
    })
    expect(lines).toContain('published inbound-service v2')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await answeredPracticeCall(page, 'bruno')
  await expect(step(page)).toContainText('Buenos días, José. Bienvenido de nuevo a Atiende.')
})
