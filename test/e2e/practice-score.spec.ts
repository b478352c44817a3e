/**
 * Solo practice scored (issue #20): a trainee works the win-back scenario from ring to wrap-up —
 * the script on the scenario's path, the complaint with the expected category and quality
 * dimension, a credit within authority that the customer accepts — and the desk scores the call at 100 %, step by step.
 * A trainee who leaves the retention call at its mandatory legal notice gets a failed practice
 * whose report names that step. The trainee is Not Ready while practising and Ready again when
 * the result is closed. No latency is asserted.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import type { Workstation } from './pages/workstation'

async function startPractice(page: Page, ws: Workstation, scenario: string): Promise<void> {
  await ws.openDesk()
  const phone = page.getByRole('region', { name: 'Teléfono' })
  await phone.getByRole('combobox', { name: 'Escenario de práctica' }).selectOption({
    label: scenario
  })
  await phone.getByRole('button', { name: 'Iniciar llamada de práctica' }).click()
  await ws.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
}

test('a trainee works the win-back scenario through and scores 100 %', async ({
  page,
  workstation: ws
}) => {
  test.setTimeout(120_000)
  await ws.loginSynced('ana')
  await startPractice(page, ws, 'Recuperar a una clienta de alto valor')
  const { script } = ws
  const next = () => script.stepButton('Siguiente').click()

  await expect(script.step).toContainText('Lamento lo ocurrido, Marta.')
  await next()
  await script.stepButton('1 Facturación').click()
  const answer = async (text: string, field = script.step.getByRole('textbox')) => {
    await field.fill(text)
    await script.stepButton('Responder y seguir').click()
  }
  await answer('Que me devolvieran el cargo de enero')
  await answer('Otro cargo duplicado en febrero')
  await script.stepButton('1 Fiabilidad').click()
  await answer('4', script.step.getByRole('spinbutton'))
  // The script's action opens the complaint prefilled; the trainee adds the dimension and saves.
  await expect(ws.complaintForm.category).toHaveValue('billing')
  await ws.complaintForm.dimension.selectOption({ label: 'Confiabilidad' })
  const description = `Práctica puntuada ${String(Date.now())}`
  await ws.complaintForm.description.fill(description)
  await ws.complaintForm.save.click()

  await ws.complaints.open()
  const item = ws.complaints.complaint(description)
  await item.getByRole('button', { name: /^Detalle de la queja/ }).click()
  await item.getByLabel('Tipo de compensación').selectOption({ label: 'Abono en cuenta' })
  await item.getByLabel('Importe').fill('60')
  await item.getByLabel('Motivo de la compensación').fill('Cargo duplicado de enero')
  await item.getByLabel('Motivo de la compensación').press('Control+Enter')
  await expect(item.getByRole('status')).toHaveText('Compensación concedida')

  // The customer answers the credit (within what the scenario says she accepts).
  await ws.openDesk()
  await expect(page.getByRole('region', { name: 'Cliente de práctica: Marta' })).toContainText(
    'De acuerdo, con ese abono me quedo.'
  )
  // On through the script to its end: the escalation for a high-value customer.
  for (let i = 0; i < 6; i++) {
    if ((await script.status.filter({ hasText: 'Guion completado' }).count()) > 0) break
    const forward = script.step
      .getByRole('group', { name: 'Navegación del guion' })
      .getByRole('button')
      .filter({ hasNotText: /^(Atrás|Abandonar guion)$/ })
    await forward.first().click()
  }
  await expect(script.status).toHaveText('Guion completado')

  await ws.softphone.hangUp.click()
  await ws.finishWithDisposition('Reclamo registrado')
  const result = page.getByRole('region', { name: 'Resultado de la práctica' })
  await expect(result).toContainText('100 %')
  await expect(result.getByRole('status')).toContainText('Aprobada')
  await expect(result.getByRole('row', { name: /Categoría de la queja/ })).toContainText(
    'Cumplido 2/2'
  )
  await expect(result.getByRole('row', { name: /Compensación/ })).toContainText('60,00')
  // The result takes the focus from the finished wrap-up. The trainee has been Not Ready
  // (training) since the practice started; closing the result ends that pause.
  await expect(result.getByRole('heading', { name: 'Resultado de la práctica' })).toBeFocused()
  await expect(ws.agentState.choose).toHaveValue('training')
  await result.getByRole('button', { name: 'Cerrar el resultado' }).click()
  await expect(result).toHaveCount(0)
  await expect(ws.agentState.current).toContainText('Listo')
})

test('leaving the retention call at its legal notice fails the practice, and the report names it', async ({
  page,
  workstation: ws
}) => {
  await ws.loginSynced('bruno')
  await startPractice(page, ws, 'Retención con objeciones y venta cruzada')
  const { script } = ws
  await script.stepButton('Siguiente').click()
  await expect(script.step.getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await script.stepButton('Abandonar guion').click()
  await ws.softphone.hangUp.click()
  await ws.finishWithDisposition('Llamada cortada')

  const result = page.getByRole('region', { name: 'Resultado de la práctica' })
  await expect(result.getByRole('status')).toContainText('No aprobada')
  await expect(result.getByRole('list')).toContainText(
    'Paso obligatorio «Aviso legal»: Sin confirmar (se esperaba Leído y confirmado)'
  )
  await expect(result.getByRole('row', { name: /^Aviso legal/ })).toContainText('No cumplido')
  expect.soft(await seriousViolations(page), 'axe on the practice result').toEqual([])
  // Practise again rings the same scenario; the trainee stays Not Ready for it.
  await expect(ws.agentState.choose).toHaveValue('training')
  await result.getByRole('button', { name: 'Repetir la práctica' }).click()
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  await expect(result).toHaveCount(0)
})
