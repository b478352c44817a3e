/**
 * Two people edit the same complaint while one of them is offline. Ana (agent) loses the
 * network and edits what the customer expected; Carla (her team's lead) edits the same field
 * online. When Ana's browser is back online her edit meets Carla's: the server keeps Carla's,
 * Ana sees both values with who changed theirs and when, chooses hers, and the server ends with
 * Ana's value. The other fields Ana edited offline (severity, channel) merge silently.
 */
import { serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// The list's customer search needs a customer's call: a real one, through the phone system.
test.use({ phoneSystem: true })

test('an edit made offline that meets another edit of the same field gets a conflict choice', async ({
  colleagues,
  page,
  server,
  workstation
}) => {
  await workstation.loginSynced('ana')
  const description = `Cobro duplicado en la factura ${Date.now()}`
  await workstation.logComplaint('Facturación', description)
  const item = workstation.complaints.complaint(description)
  await expect(item).toContainText(/Sincronizada · QR-\d+/)

  const lead = await colleagues.open('carla')
  await lead.complaints.open()
  const leadItem = lead.complaints.complaint(description)
  await expect(leadItem).toBeVisible({ timeout: 30_000 })

  // Ana goes offline and edits two fields; the edit is kept locally and waits.
  await page.context().setOffline(true)
  await item.getByRole('button', { name: /^Editar la queja/ }).click()
  const anaForm = item.getByRole('form', { name: /^Editar la queja/ })
  await anaForm.getByLabel('Lo que el cliente esperaba').fill('Un solo cargo (Ana)')
  await anaForm.getByLabel('Gravedad').selectOption({ label: 'Alta' })
  await anaForm.getByLabel('Canal').selectOption({ label: 'Correo electrónico' })
  await anaForm.getByLabel('Lo que el cliente esperaba').press('Control+Enter')
  await expect(anaForm).toHaveCount(0)
  await expect(item).toContainText('Gravedad Alta')
  await expect(workstation.syncBar.status).toContainText('Pendientes: 1')

  // Meanwhile Carla changes the same field online.
  await leadItem.getByRole('button', { name: /^Editar la queja/ }).click()
  const carlaForm = leadItem.getByRole('form', { name: /^Editar la queja/ })
  await carlaForm.getByLabel('Lo que el cliente esperaba').fill('Devolución del cargo (Carla)')
  await carlaForm.getByRole('button', { name: 'Guardar cambios' }).click()
  const stored = async () =>
    (await serverComplaints(server.url)).find((c) => c.description === description)
  await expect.poll(async () => (await stored())?.expected).toBe('Devolución del cargo (Carla)')

  // Ana is back: her severity merges, the expectation is a conflict she must decide.
  await page.context().setOffline(false)
  const conflict = item.getByRole('listitem', {
    name: 'Conflicto en Lo que el cliente esperaba'
  })
  await expect(conflict).toBeVisible({ timeout: 60_000 })
  await expect(conflict).toContainText('Devolución del cargo (Carla)')
  await expect(conflict).toContainText('Un solo cargo (Ana)')
  await expect(conflict).toContainText('Carla')
  await expect.poll(async () => (await stored())?.severity).toBe('high')
  expect((await stored())?.channel).toBe('email')
  expect((await stored())?.expected).toBe('Devolución del cargo (Carla)')

  await conflict
    .getByRole('button', { name: 'Usar mi valor en Lo que el cliente esperaba' })
    .click()
  await expect(conflict).toHaveCount(0)
  await expect.poll(async () => (await stored())?.expected).toBe('Un solo cargo (Ana)')
  await expect(workstation.syncBar.status).toContainText('Pendientes: 0')

  // The case's history records every edit with its fields.
  await item.getByRole('button', { name: /^Detalle de la queja/ }).click()
  const history = item.getByRole('region', { name: 'Historial' })
  await expect(history.getByText('Editada')).toHaveCount(3)
})

test('the complaint list narrows by category and tier and searches case number, customer and text', async ({
  page,
  phones,
  workstation
}) => {
  const { complaints } = workstation
  const [caller] = await Promise.all([openKnownCaller(phones), workstation.loginSynced('ana')])
  await answerKnownCaller(workstation, 'ana', caller)
  const stamp = Date.now()
  const billing = `Cargo no reconocido ${stamp}`
  const delivery = `Envío retrasado ${stamp}`
  await workstation.logComplaint('Facturación', billing)
  await workstation.logComplaint('Entrega', delivery)
  const billingItem = complaints.complaint(billing)
  const deliveryItem = complaints.complaint(delivery)
  await expect(billingItem).toContainText(/Sincronizada · QR-\d+/)
  await expect(deliveryItem).toContainText(/Sincronizada · QR-\d+/)
  const caseNumber = (await billingItem.textContent())?.match(/QR-\d+/)?.[0] ?? 'missing'

  // Keyboard first: Alt+Q jumps to the search; accents and case do not matter.
  await page.keyboard.press('Alt+q')
  const search = complaints.search
  await expect(search).toBeFocused()
  await search.pressSequentially('ENVIO RETRASADO')
  await expect(deliveryItem).toBeVisible()
  await expect(billingItem).toHaveCount(0)
  await search.fill(caseNumber)
  await expect(billingItem).toBeVisible()
  await expect(deliveryItem).toHaveCount(0)
  // The customer's name finds both of his cases.
  await search.fill('nunez pe')
  await expect(billingItem).toBeVisible()
  await expect(deliveryItem).toBeVisible()
  await search.press('Escape')
  await expect(search).toHaveValue('')

  await complaints.byCategory.selectOption({ label: 'Entrega' })
  await expect(deliveryItem).toBeVisible()
  await expect(billingItem).toHaveCount(0)
  await complaints.byCategory.selectOption({ label: 'Todas' })
  // José is a high-yield customer.
  const tier = complaints.byTier
  await tier.selectOption({ label: 'Bajo cero' })
  await expect(billingItem).toHaveCount(0)
  await expect(deliveryItem).toHaveCount(0)
  await tier.selectOption({ label: 'Alto rendimiento' })
  await expect(billingItem).toBeVisible()
  await expect(deliveryItem).toBeVisible()
})
