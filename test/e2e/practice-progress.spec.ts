/**
 * Practice progress (issue #20, item 5): a trainee's finished practice is kept on the server,
 * scored there from what the desk synced. The trainee reads it in "Mis prácticas"; the trainer
 * reads the cohort (the demo seeds one with every agent), where most trainees fail, the trainee's
 * sessions and the session's report in the script's words. No latency is asserted.
 */
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'

test("a failed practice reaches the trainee's own progress and the trainer's cohort", async ({
  page,
  colleagues,
  workstation: ws
}) => {
  test.setTimeout(90_000)
  await ws.loginSynced('fernando')
  await ws.openDesk()
  const phone = page.getByRole('region', { name: 'Teléfono' })
  await phone.getByRole('combobox', { name: 'Escenario de práctica' }).selectOption({
    label: 'Retención con objeciones y venta cruzada'
  })
  await phone.getByRole('button', { name: 'Iniciar llamada de práctica' }).click()
  await ws.softphone.answer.click()
  await ws.script.stepButton('Siguiente').click()
  await expect(ws.script.step.getByRole('heading', { name: 'Aviso legal' })).toBeVisible()
  await ws.script.stepButton('Abandonar guion').click()
  await ws.softphone.hangUp.click()
  await ws.finishWithDisposition('Llamada cortada')
  const result = page.getByRole('region', { name: 'Resultado de la práctica' })
  await expect(result.getByRole('status')).toContainText('No aprobada')
  await result.getByRole('button', { name: 'Cerrar el resultado' }).click()

  // Fernando's own: read from the server once the session has synced.
  await ws.goTo('Calidad e informes')
  const mine = page.getByRole('region', { name: 'Mis prácticas' })
  await expect(async () => {
    await mine.getByRole('button', { name: 'Actualizar' }).click()
    await expect(mine.getByRole('region', { name: 'Prácticas recientes' })).toContainText(
      'Retención con objeciones y venta cruzada'
    )
  }).toPass({ timeout: 20_000 })
  await expect(mine.getByRole('region', { name: 'Prácticas recientes' })).toContainText(
    'No aprobada'
  )
  await expect(mine.getByRole('region', { name: 'Dónde fallas más' })).toContainText('Aviso legal')

  // The trainer: Formación → Progreso, the demo cohort, Fernando's row and where most fail.
  const trainer = await colleagues.open('tomas')
  const tomas = trainer.page
  await tomas.getByRole('tab', { name: 'Progreso' }).click()
  const progress = tomas.getByRole('region', { name: 'Progreso de las prácticas' })
  await expect(progress.getByRole('button', { name: /Incorporación de diciembre/ })).toBeVisible()
  const row = progress
    .getByRole('table', { name: 'Participantes de la cohorte Incorporación de diciembre' })
    .getByRole('row', { name: /Fernando Gil/ })
  await expect(row).toContainText('Centro')
  await expect(row).toContainText('0,0 %')
  await expect(
    progress.getByRole('region', { name: 'Certificación por escenario' }).getByRole('row', {
      name: /Fernando Gil/
    })
  ).toContainText('0/3')
  await expect(progress.getByRole('region', { name: 'Dónde fallan más' })).toContainText(
    'Aviso legal'
  )
  expect.soft(await seriousViolations(tomas), 'axe on the cohort progress').toEqual([])

  await row.getByRole('button', { name: 'Ver el progreso de Fernando Gil' }).click()
  const detail = progress.getByRole('region', { name: 'Progreso de Fernando Gil' })
  await detail
    .getByRole('button', { name: /^Ver el resultado de Retención/ })
    .first()
    .click()
  const report = progress.getByRole('region', { name: 'Resultado de la sesión' })
  await expect(report.getByRole('row', { name: /^Aviso legal/ })).toContainText('No cumplido')
  expect.soft(await seriousViolations(tomas), 'axe on a trainee and a session').toEqual([])
})
