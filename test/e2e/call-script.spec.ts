/**
 * The guided script on a customer's call through the phone system (a Chromium phone registered
 * as the customer's number): chosen by the rules when the call connects, driven from
 * the keyboard, switched mid-call, an objection jump that returns to the step the agent was on,
 * and a mandatory legal line that keeps the agent in wrap-up until it is confirmed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { uploadScript } from '@scripts/script-upload'
import { serverScriptAnalytics } from '@support/server-api'
import { expect, test } from './fixtures'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// The checks count every run of a script on the server, and a new version is published here.
test.use({ phoneSystem: true, ownServer: true })

test('the inbound script leads a call from the keyboard to its outcome', async ({
  colleagues,
  page,
  phones,
  server,
  workstation
}) => {
  const { script } = workstation
  const [caller] = await Promise.all([openKnownCaller(phones), workstation.loginSynced('fernando')])
  await answerKnownCaller(workstation, 'fernando', caller, { keyboard: true })
  await expect(script.switcher).toHaveValue('inbound-service')
  await expect(script.step).toContainText('Buenos días, José. Gracias por llamar.')

  await page.keyboard.press('Enter')
  await expect(script.step).toContainText('¿Cuál es el motivo de la llamada?')
  await expect(script.stepButton('3 Información')).toBeVisible()
  await page.keyboard.press('3')
  await expect(script.step).toContainText('Le doy la información que necesita')

  // Back returns to the question with its answer kept; the agent changes nothing and goes on.
  await page.keyboard.press('Backspace')
  await expect(script.stepButton('3 Información')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('3')
  await page.keyboard.press('Enter')
  await expect(script.step).toContainText('Gracias por llamar, José.')
  await page.keyboard.press('Enter')
  await expect(script.step).toContainText('Resultado: Resuelto en la llamada')
  await page.keyboard.press('Enter')
  await expect(script.status).toHaveText('Guion completado')
  await script.openPath()
  await expect(script.path).toContainText('Motivo: information')

  // The run record reaches the server: a production run (a real call), completed, with its path.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'inbound-service', 1, false)
      return { runs: report.runs, closed: report.closed, outcomes: report.outcomes }
    })
    .toEqual({ runs: 1, closed: 1, outcomes: [{ code: 'resolved', runs: 1 }] })

  // Fernando's lead reads the figures in the app: real calls' runs of the inbound script.
  const lead = await colleagues.open('gloria')
  await lead.script.showAnalytics('Llamada entrante de servicio (v1)')
  const results = lead.script.analyticsResults
  await expect(results).toContainText(/1 ejecuciones · 100\s%\scompletadas · 0 abandonadas/)
  await expect(results.getByRole('list', { name: 'Resultados' })).toContainText(
    'Resuelto en la llamada: 1'
  )
  await expect(results.getByRole('row', { name: /^Motivo/ })).toContainText('0 (0\u00a0%)')
})

test('an objection jump returns to the step, and a mandatory line holds the wrap-up', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const { script } = ws
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('diego')])
  await answerKnownCaller(ws, 'diego', caller, { keyboard: true })
  await script.switcher.selectOption({ label: 'Llamada saliente de retención y venta cruzada' })
  await expect(script.step).toContainText('Le llamo de Atiende para revisar sus servicios')
  await script.stepButton('Siguiente').click()
  await expect(script.step.getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await expect(script.step).toContainText('Obligatorio: confirme que lo ha leído')

  await script.button('Objeción: precio').click()
  await expect(script.step.getByRole('heading', { name: 'Aviso legal' })).toHaveCount(0)
  await script.button('Volver al guion').click()
  await expect(script.step.getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await expect(script.mandatory).toContainText('Pendiente: Aviso legal')

  // The customer hangs up before the disclosure was confirmed: the agent cannot finish yet.
  await page.keyboard.press('Alt+H')
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')
  await ws.softphone.finishWrapUp.click()
  await expect(ws.softphone.alert('pasos obligatorios')).toBeVisible()
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')

  await script.stepButton('Confirmar lectura').click()
  await expect(script.mandatory).toContainText('✓ Aviso legal')
  await ws.finishWithDisposition()
  await expect(ws.softphone.status).toContainText('Disponible')
  await expect(script.region).toContainText('El guion empieza al contestar una llamada.')

  // Both runs reached the server: the switched-away inbound script as abandoned at its first
  // step, and the retention script abandoned at the disclosure, confirmed at the last moment.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'outbound-retention', 1, false)
      return report.nodes.filter((n) => n.dropOffs > 0).map((n) => n.nodeId)
    })
    .toEqual(['disclosure'])
})

test('a trainer previews a script without a call, and nothing is kept', async ({ workstation }) => {
  const { script } = workstation
  await workstation.login('tomas')
  await workstation.openDesk()
  await script.preview.selectOption({ label: 'Encuesta de satisfacción' })
  await expect(script.region).toContainText('Vista previa: no se guarda nada.')
  await expect(script.step).toContainText('¿Tiene dos minutos para una breve encuesta')
  await script.stepButton('1 Sí').click()
  await expect(script.step).not.toContainText('¿Tiene dos minutos')
  await script.button('Cerrar vista previa').click()
  await expect(script.step).toHaveCount(0)
  await expect(script.region).toContainText('El guion empieza al contestar una llamada.')
})

test('a version published on the server replaces the bundled script on the next call', async ({
  phones,
  server,
  workstation
}) => {
  // José's phone starts while the new version is published.
  const opening = openKnownCaller(phones)
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
  const [caller] = await Promise.all([opening, workstation.loginSynced('bruno')])
  await answerKnownCaller(workstation, 'bruno', caller, { keyboard: true })
  await expect(workstation.script.step).toContainText(
    'Buenos días, José. Bienvenido de nuevo a Atiende.'
  )
})
