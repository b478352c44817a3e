/**
 * The lead's complaint analysis counts what the team filed: the agent files three complaints
 * (two about billing, one about delivery; two with a quality dimension), and the lead's Pareto
 * tables show those counts, biggest first with the cumulative share.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { WorkstationPage } from './pages/workstation-page'

async function file(page: Page, category: string, dimension: string | null, text: string) {
  await page.getByLabel(/^Categoría/).selectOption({ label: category })
  if (dimension !== null) {
    await page.getByLabel('Dimensión de calidad').selectOption({ label: dimension })
  }
  await page.getByLabel('Descripción').fill(text)
  await page.getByRole('button', { name: 'Guardar queja' }).click()
}

test('a lead opens the analysis and its tables count the complaints filed by the team', async ({
  browser,
  page,
  server,
  workstation
}) => {
  await workstation.login('ana')
  await workstation.waitForFirstSync()
  const stamp = Date.now()
  await file(page, 'Facturación', 'Confiabilidad', `Cobro doble ${stamp}`)
  await file(page, 'Entrega', 'Confiabilidad', `Pedido tarde ${stamp}`)
  await file(page, 'Facturación', null, `Factura ilegible ${stamp}`)
  for (const text of [
    `Cobro doble ${stamp}`,
    `Pedido tarde ${stamp}`,
    `Factura ilegible ${stamp}`
  ]) {
    await expect(workstation.complaint(text)).toContainText(/Sincronizada · QR-\d+/)
  }
  // Agents have no analysis.
  await expect(page.getByText('Análisis de quejas')).toHaveCount(0)

  const lead = await WorkstationPage.loggedIn(browser, server.url, 'carla')
  const leadPage = lead.page
  await leadPage.getByText('Análisis de quejas').click()
  await leadPage.getByRole('button', { name: 'Ver análisis' }).click()
  const results = leadPage.getByRole('region', { name: 'Resultados del análisis' })
  await expect(results).toContainText('Quejas en el periodo: 3')

  const byCategory = results.getByRole('table', { name: 'Quejas por categoría (Pareto)' })
  await expect(byCategory.getByRole('row')).toHaveCount(3)
  const billing = byCategory.getByRole('row').nth(1)
  await expect(billing.getByRole('rowheader')).toHaveText('Facturación')
  await expect(billing.getByRole('cell')).toHaveText(['2', /^66,7\s%$/, /^66,7\s%$/])
  const delivery = byCategory.getByRole('row').nth(2)
  await expect(delivery.getByRole('rowheader')).toHaveText('Entrega')
  await expect(delivery.getByRole('cell')).toHaveText(['1', /^33,3\s%$/, /^100\s%$/])
  const byDimension = results.getByRole('table', {
    name: 'Quejas por dimensión de calidad (Pareto)'
  })
  await expect(byDimension.getByRole('rowheader')).toHaveText(['Confiabilidad', 'Sin indicar'])
  await expect(byDimension.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('2')
  await expect(byDimension.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('1')
  // Each chart has an accessible name that also carries its figures.
  await expect(
    results.getByRole('img', { name: /^Gráfico: Quejas por categoría \(Pareto\)/ })
  ).toHaveAccessibleName(/Facturación 2, Entrega 1/)
  const sla = results.getByRole('table', { name: 'Cumplimiento del plazo (SLA)' })
  await expect(sla.getByRole('row', { name: /^Abiertas \d/ }).getByRole('cell')).toHaveText('3')
  await expect(sla.getByRole('row', { name: /^Resueltas \d/ }).getByRole('cell')).toHaveText('0')
  await lead.page.context().close()
})
