/**
 * Evaluations end to end (issue #19): a customer calls Ana through Kamailio and she takes the
 * inbound script to its end; Carla, her lead, scores the call with the seeded service-quality
 * form, the script-adherence questions already answered from the run; Ana disagrees with one
 * answer; Carla re-scores it; the figures count it, Ana's average the re-scored one. axe checks
 * the scoring view and the agent's view. One test, steps in order, about a minute.
 */
import type { Page } from '@playwright/test'

import { serverInteractions } from '@support/server-api'
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import { finishAfterCall } from './support/customer-line'
import { answerTheRest, choose } from './support/scoring'

test.use({ phoneSystem: true, bypassCSP: true })

async function axeClean(page: Page, view: string): Promise<void> {
  expect.soft(await seriousViolations(page), `axe on ${view}`).toEqual([])
}

test('a lead scores a call with the default form, the agent disagrees, the lead re-scores, the figures show it', async ({
  colleagues,
  phones,
  server
}) => {
  test.setTimeout(240_000)
  const startedAt = new Date().toISOString()
  // The customer's phone is a bare SIP line (customer-phone.ts), speaking Diego's tone.
  const [ana, customer] = await Promise.all([
    phones.open('ana'),
    phones.customer({ number: '5550103' })
  ])
  await ana.waitForFirstSync()

  await test.step('Ana takes a customer call through the inbound script to its end', async () => {
    await customer.softphone.dial('1001')
    await expect(ana.softphone.status).toContainText('Llamada entrante')
    await ana.softphone.answer.click()
    await expect(ana.softphone.status).toContainText('En llamada')
    const { script } = ana
    await expect(script.switcher).toHaveValue('inbound-service')
    await script.stepButton('Siguiente').click()
    await script.stepButton('3 Información').click()
    // On to the end: the step's forward button (Siguiente, then the end step's own).
    const forward = script.step
      .getByRole('group', { name: 'Navegación del guion' })
      .getByRole('button')
      .filter({ hasNotText: /^(Atrás|Abandonar guion)$/ })
    const done = script.status.filter({ hasText: 'Guion completado' })
    for (let i = 0; i < 6 && (await done.count()) === 0; i++) {
      await forward.first().click()
      await ana.page.waitForTimeout(150)
    }
    await expect(script.status).toHaveText('Guion completado')
    await customer.softphone.hangUp.click()
    await finishAfterCall(ana)
    await expect
      .poll(async () => {
        const calls = await serverInteractions(server.url)
        return calls.some(
          (c) => c.callId !== '' && c.result === 'answered' && c.ringAt >= startedAt
        )
      })
      .toBe(true)
  })

  const carla = await colleagues.open('carla')
  await carla.waitForFirstSync()
  await carla.goTo('Calidad e informes')
  const scoring = carla.page.getByRole('region', { name: 'Evaluación de la llamada' })

  await test.step('Carla scores it; the adherence part is filled in from the run', async () => {
    const evaluate = carla.page.getByRole('button', { name: 'Evaluar llamada de Ana Ortiz' })
    // The call's record reaches Carla's desk with the next pull.
    await expect(evaluate.first()).toBeVisible({ timeout: 30_000 })
    await evaluate.first().click()
    await expect(scoring).toBeVisible()
    await expect(scoring.getByRole('combobox', { name: 'Formulario' })).toContainText(
      'Calidad del servicio'
    )
    const completed = scoring.getByRole('radiogroup', {
      name: 'Llevó el guion hasta un cierre, sin abandonarlo'
    })
    await expect(completed.getByRole('radio', { name: 'Sí' })).toBeChecked()
    await expect(scoring.getByText('Del guion', { exact: true })).toHaveCount(3)
    await expect(
      scoring
        .getByRole('radiogroup', { name: 'Confirmó todas las líneas obligatorias del guion' })
        .getByRole('radio', { name: 'No aplica' })
    ).toBeChecked()

    // One lost point with its reason: she did not use the customer's name.
    await choose(scoring, 'Llamó al cliente por su nombre', 'No')
    await choose(scoring, '¿El cliente mostró insatisfacción?', 'No')
    await answerTheRest(scoring)
    await expect(scoring.getByRole('status').filter({ hasText: 'Puntuación' })).toContainText(
      'Aprobada'
    )
    await axeClean(carla.page, 'the scoring view')
    await scoring.getByRole('textbox', { name: 'Comentario general' }).fill('Buena llamada.')
    await scoring.getByRole('button', { name: 'Publicar al agente' }).click()
    await expect(scoring).toBeHidden()
  })

  await test.step('Ana disagrees, with her reason', async () => {
    // The navigation counts what waits for her answer, and names it to screen readers.
    const quality = ana.navigation.getByRole('button', { name: 'Calidad e informes' })
    await expect(quality).toHaveAccessibleDescription('1 evaluación espera tu respuesta.', {
      timeout: 30_000
    })
    await ana.goTo('Calidad e informes')
    const mine = ana.page.getByRole('list', { name: 'Mis evaluaciones' })
    await expect(mine.getByRole('button').first()).toBeVisible({ timeout: 30_000 })
    await mine.getByRole('button').first().click()
    await expect(ana.page.getByRole('article', { name: 'Evaluación de Ana Ortiz' })).toContainText(
      'Publicada'
    )
    await axeClean(ana.page, "the agent's evaluation")
    await ana.page.getByRole('button', { name: 'No estoy de acuerdo' }).click()
    await ana.page
      .getByRole('textbox', { name: 'Motivo del desacuerdo' })
      .fill('Le llamé José dos veces, escúchalo al principio.')
    await ana.page.getByRole('button', { name: 'Enviar desacuerdo' }).click()
    await expect(ana.page.getByRole('article', { name: 'Evaluación de Ana Ortiz' })).toContainText(
      'En desacuerdo'
    )
    await expect(quality).not.toHaveAccessibleDescription(/espera tu respuesta/)
  })

  await test.step('Carla re-scores it with her reason; both see the history', async () => {
    const list = carla.page.getByRole('list', { name: 'Evaluaciones' })
    const disputed = list.getByRole('button').filter({ hasText: 'En desacuerdo' })
    await expect(disputed).toBeVisible({ timeout: 30_000 })
    await disputed.click()
    await expect(carla.page.getByText('Le llamé José dos veces').first()).toBeVisible()
    await carla.page.getByRole('button', { name: 'Volver a puntuar' }).click()
    await choose(carla.page.locator('body'), 'Llamó al cliente por su nombre', 'Sí')
    await carla.page
      .getByRole('textbox', { name: 'Motivo de la resolución' })
      .fill('Escuchada de nuevo: lo llamó por su nombre.')
    await carla.page.getByRole('button', { name: 'Resolver' }).click()
    await expect(
      carla.page.getByRole('article', { name: 'Evaluación de Ana Ortiz' })
    ).toContainText('Resuelta')
    await expect(ana.page.getByRole('article', { name: 'Evaluación de Ana Ortiz' })).toContainText(
      'Resuelta',
      { timeout: 30_000 }
    )
    await expect(ana.page.getByText('Resuelta: puntuada de nuevo')).toBeVisible()
  })

  await test.step('the figures count it for Ana, at its re-scored 100 %', async () => {
    await carla.page.getByRole('tab', { name: 'Cifras' }).click()
    const agents = carla.page.getByRole('table', { name: /Por agente/ })
    await expect(agents.getByRole('row', { name: /Ana Ortiz/ })).toContainText('100')
    // Each dimension week by week: it opens on the two weakest (all tie at 100 %: the first two
    // of the checklist), and a ticked one joins the chart and its table.
    const trend = carla.page.getByRole('region', { name: 'Dimensiones semana a semana' })
    await expect(trend.getByRole('checkbox', { name: 'Accesibilidad' })).toBeChecked()
    await expect(trend.getByRole('checkbox', { name: 'Cortesía' })).toBeChecked()
    await trend.getByRole('checkbox', { name: 'Empatía' }).check()
    // The table is folded under the chart: present, not shown.
    await expect(
      trend.getByRole('columnheader', { name: 'Empatía', includeHidden: true })
    ).toBeAttached()
    await expect(
      trend.getByRole('img', { name: /^Dimensiones semana a semana:/ })
    ).toHaveAccessibleName(/100,0/)
  })
})
