/**
 * A complaint's life across two people: the agent files it with its severity, quality
 * dimension, one of the caller's products and the channel (the phone, proposed because a call
 * is on) during a customer's call through the phone system, starts and resolves it; only the
 * team lead can close it, and the closed case reaches the agent's screen.
 */
import { serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// The complaint is filed during a customer's real call (Kamailio, shared with other specs).
test.use({ phoneSystem: true })

test('an agent files, starts and resolves a complaint; the lead closes it; the agent cannot', async ({
  colleagues,
  phones,
  server,
  workstation
}) => {
  const { complaintForm: form, complaints } = workstation
  const [caller] = await Promise.all([openKnownCaller(phones), workstation.loginSynced('ana')])
  await answerKnownCaller(workstation, 'ana', caller)

  const description = `Dos cargos por la misma factura ${Date.now()}`
  await form.open()
  await form.category.selectOption({ label: 'Facturación' })
  await form.reason.selectOption({ label: 'Cobro duplicado' })
  // The caller's products from the card, or none; the channel is the phone during a call.
  const product = form.product
  await expect(product.getByRole('option')).toHaveText([
    'Ninguno',
    'Fibra 1 Gb (FIBER-1G)',
    'Tarifa móvil ilimitada (MOB-PLUS)',
    'Paquete TV deportes (TV-SPORTS)'
  ])
  await product.selectOption({ label: 'Tarifa móvil ilimitada (MOB-PLUS)' })
  const channel = form.channel
  await expect(channel).toHaveValue('phone')
  await channel.selectOption({ label: 'Teléfono' })
  await form.severity.selectOption({ label: 'Alta' })
  await expect(form.dueBy).toBeVisible()
  await form.dimension.selectOption({ label: 'Confiabilidad' })
  await form.description.fill(description)
  await form.expected.fill('Un solo cargo')
  await form.received.fill('Dos cargos')
  // Keyboard-first: Ctrl+Enter saves from a text area.
  await form.received.press('Control+Enter')
  await complaints.open()

  const item = complaints.complaint(description)
  await expect(item).toContainText(/Sincronizada · QR-\d+/)
  await expect(item).toContainText('Gravedad Alta')
  await expect(item).toContainText('Abierta')
  await expect(item).toContainText('En plazo')
  await expect(item.getByRole('button', { name: /^Cerrar/ })).toHaveCount(0)
  // The case's detail says what it is about and where it came in.
  await item.getByRole('button', { name: /^Detalle de la queja/ }).click()
  await expect(item.getByRole('term')).toHaveText(['Producto o servicio', 'Canal'])
  await expect(item.getByRole('definition')).toHaveText([
    'Tarifa móvil ilimitada (MOB-PLUS)',
    'Teléfono'
  ])
  await item.getByRole('button', { name: /^Detalle de la queja/ }).click()
  // The list narrows by channel.
  const channelFilter = complaints.byChannel
  await channelFilter.selectOption({ label: 'Chat' })
  await expect(item).toHaveCount(0)
  await channelFilter.selectOption({ label: 'Teléfono' })
  await expect(item).toBeVisible()
  await channelFilter.selectOption({ label: 'Todas' })
  // The form is ready for the next complaint: no product, the phone again.
  await form.open()
  await expect(product).toHaveValue('')
  await expect(channel).toHaveValue('phone')
  await complaints.open()

  await item.getByRole('button', { name: /^Iniciar/ }).click()
  await expect(item).toContainText('En curso')
  await item.getByRole('button', { name: /^Resolver/ }).click()
  await expect(item).toContainText('Resuelta')
  // Closing is the lead's decision: the agent is never offered it.
  await expect(item.getByRole('button', { name: /^Cerrar/ })).toHaveCount(0)
  // The agent's own list narrows by status and by SLA breach.
  const statusFilter = complaints.byStatus
  await statusFilter.selectOption({ label: 'Abierta' })
  await expect(item).toHaveCount(0)
  await statusFilter.selectOption({ label: 'Resuelta' })
  await expect(item).toBeVisible()
  await complaints.breachedOnly.check()
  await expect(item).toHaveCount(0)
  await complaints.breachedOnly.uncheck()
  await statusFilter.selectOption({ label: 'Todas' })
  await expect(item).toBeVisible()
  await expect
    .poll(async () => {
      const stored = (await serverComplaints(server.url)).find((c) => c.description === description)
      return (
        stored && {
          status: stored.status,
          severity: stored.severity,
          dimension: stored.qualityDimension,
          product: [stored.productCode, stored.productName],
          channel: stored.channel
        }
      )
    })
    .toEqual({
      status: 'resolved',
      severity: 'high',
      dimension: 'reliability',
      product: ['MOB-PLUS', 'Tarifa móvil ilimitada'],
      channel: 'phone'
    })

  const lead = await colleagues.open('carla')
  await lead.complaints.open()
  const leadItem = lead.complaints.complaint(description)
  await expect(leadItem).toContainText('Resuelta', { timeout: 30_000 })
  // A lead sees the team queue first; her own list does not hold the agent's case.
  await lead.complaints.show.selectOption({ label: 'Mis quejas' })
  await expect(leadItem).toHaveCount(0)
  await lead.complaints.show.selectOption({ label: 'Cola del equipo' })
  await lead.complaints.bySeverity.selectOption({ label: 'Alta' })
  await expect(leadItem).toBeVisible()
  await leadItem.getByRole('button', { name: /^Cerrar/ }).click()
  await expect(leadItem).toContainText('Cerrada')
  await lead.close()

  // The agent's screen learns the case was closed, and offers her nothing but nothing to close.
  await expect(item).toContainText('Cerrada', { timeout: 30_000 })
  await expect(item.getByRole('button', { name: /^Cerrar/ })).toHaveCount(0)
  await expect(item.getByRole('button', { name: /^Reabrir/ })).toHaveCount(0)
})
