/**
 * The lead's complaint analysis counts what the team filed: the agent files three complaints
 * (two about billing, one about delivery; two with a quality dimension), and the lead's Pareto
 * tables show those counts, biggest first with the cumulative share.
 */
import { expect, test } from './fixtures'

// The analysis counts every complaint of the team on the server: only this file's may be there.
test.use({ ownServer: true })

test('a lead opens the analysis and its tables count the complaints filed by the team', async ({
  colleagues,
  workstation
}) => {
  await workstation.loginSynced('ana')
  const stamp = Date.now()
  const form = workstation.complaintForm
  await form.file('Facturación', `Cobro doble ${stamp}`, 'Confiabilidad')
  await form.file('Entrega', `Pedido tarde ${stamp}`, 'Confiabilidad')
  await form.file('Facturación', `Factura ilegible ${stamp}`)
  await workstation.complaints.open()
  for (const text of [
    `Cobro doble ${stamp}`,
    `Pedido tarde ${stamp}`,
    `Factura ilegible ${stamp}`
  ]) {
    await expect(workstation.complaints.complaint(text)).toContainText(/Sincronizada · QR-\d+/)
  }
  // Agents have no analysis: their "Calidad e informes" is their own evaluations, without tabs.
  await workstation.goTo('Calidad e informes')
  await expect(workstation.page.getByRole('tab', { name: 'Informes' })).toHaveCount(0)
  await expect(workstation.page.getByRole('region', { name: 'Análisis de quejas' })).toHaveCount(0)

  const lead = await colleagues.open('carla')
  await lead.analysis.show()
  const results = lead.analysis.results
  await expect(results).toContainText('Quejas en el periodo: 3')

  const byCategory = lead.analysis.table('Quejas por categoría (Pareto)')
  await expect(byCategory.getByRole('row')).toHaveCount(3)
  const billing = byCategory.getByRole('row').nth(1)
  await expect(billing.getByRole('rowheader')).toHaveText('Facturación')
  await expect(billing.getByRole('cell')).toHaveText(['2', /^66,7\s%$/, /^66,7\s%$/])
  const delivery = byCategory.getByRole('row').nth(2)
  await expect(delivery.getByRole('rowheader')).toHaveText('Entrega')
  await expect(delivery.getByRole('cell')).toHaveText(['1', /^33,3\s%$/, /^100\s%$/])
  const byDimension = lead.analysis.table('Quejas por dimensión de calidad (Pareto)')
  await expect(byDimension.getByRole('rowheader')).toHaveText(['Confiabilidad', 'Sin indicar'])
  await expect(byDimension.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('2')
  await expect(byDimension.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('1')
  // Each chart has an accessible name that also carries its figures.
  await expect(
    results.getByRole('img', { name: /^Gráfico: Quejas por categoría \(Pareto\)/ })
  ).toHaveAccessibleName(/Facturación 2, Entrega 1/)
  const sla = lead.analysis.table('Cumplimiento del plazo (SLA)')
  await expect(sla.getByRole('row', { name: /^Abiertas \d/ }).getByRole('cell')).toHaveText('3')
  await expect(sla.getByRole('row', { name: /^Resueltas \d/ }).getByRole('cell')).toHaveText('0')
})
