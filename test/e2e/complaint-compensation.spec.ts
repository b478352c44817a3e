/**
 * Compensation within authority, live approval by the team lead: the agent grants what her
 * authority covers for a high-yield customer at once; above it, the request appears on the
 * lead's screen without a reload, the lead approves one and rejects another with a reason, and
 * the agent's complaint shows each outcome and the whole timeline.
 */
import { expect, test } from './fixtures'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// The complaint is filed during a customer's real call (Kamailio, shared with other specs).
test.use({ phoneSystem: true })

test('an agent grants within authority; above it the lead approves or rejects live', async ({
  colleagues,
  phones,
  workstation
}) => {
  const [caller] = await Promise.all([openKnownCaller(phones), workstation.loginSynced('ana')])
  await answerKnownCaller(workstation, 'ana', caller)
  const description = `Cobro duplicado de la fibra ${Date.now()}`
  await workstation.logComplaint('Facturación', description)
  const item = workstation.complaints.complaint(description)
  await expect(item).toContainText(/Sincronizada · QR-\d+/)

  // The lead is at her desk with nothing to decide yet.
  const lead = await colleagues.open('carla')
  const approvals = lead.approvals.region
  await expect(approvals).toContainText('No hay solicitudes pendientes')

  // Keyboard-first: open the detail, fill the form, Ctrl+Enter from the reason.
  await item.getByRole('button', { name: /^Detalle de la queja/ }).press('Enter')
  await expect(item).toContainText('Su autoridad con este cliente (Alto rendimiento)')
  const compensations = item.getByRole('list', { name: 'Compensaciones' })
  const grant = async (type: string, amount: string, reason: string) => {
    await item.getByLabel('Tipo de compensación').selectOption({ label: type })
    await item.getByLabel('Importe').fill(amount)
    await item.getByLabel('Motivo de la compensación').fill(reason)
    await item.getByLabel('Motivo de la compensación').press('Control+Enter')
  }

  await grant('Abono en cuenta', '50', 'Se le cobró dos veces la cuota de marzo')
  await expect(item.getByRole('status')).toHaveText('Compensación concedida')
  const credit = compensations.getByRole('listitem', { name: /^Abono en cuenta 50/ })
  await expect(credit).toContainText('Concedida')
  await expect(credit).not.toContainText('Pendiente de sincronizar')

  await grant('Reembolso', '250', 'Tres semanas sin servicio de fibra')
  await expect(item.getByRole('status')).toHaveText(
    'Supera su autoridad: enviada al jefe de equipo para su aprobación'
  )
  const refund = compensations.getByRole('listitem', { name: /^Reembolso 250/ })
  await expect(refund).toContainText('Pendiente de aprobación')

  // Live on the lead's screen: alert, amount, customer, tier, reason and agent.
  await expect(approvals.getByRole('alert')).toHaveText(
    'Solicitudes de compensación que esperan su decisión: 1',
    { timeout: 30_000 }
  )
  const request = lead.approvals.request(/^Solicitud de Ana Ortiz: 250/)
  await expect(request).toContainText('José Núñez Peña')
  await expect(request).toContainText('Alto rendimiento')
  await expect(request).toContainText('Reembolso')
  await expect(request).toContainText('Tres semanas sin servicio de fibra')
  await expect(request).toContainText('supera el límite por compensación')
  await request.getByLabel(/^Motivo de la decisión/).fill('Cliente de alto valor, avería larga')
  await request.getByRole('button', { name: /^Aprobar 250.* para José Núñez Peña$/ }).click()
  await expect(approvals).toContainText('No hay solicitudes pendientes')

  // The agent sees the outcome without a reload, and the timeline says who did what.
  await expect(refund).toContainText('Aprobada', { timeout: 30_000 })
  await expect(refund).toContainText('Motivo: Cliente de alto valor, avería larga')
  const timeline = item.getByRole('region', { name: 'Historial' })
  await expect(timeline.getByRole('listitem')).toHaveText([
    /Queja registrada.*· Usted/,
    /Compensación concedida Abono en cuenta 50.*· Usted/,
    /Compensación solicitada al jefe de equipo Reembolso 250.*· Usted/,
    /Compensación aprobada Reembolso 250.*· Carla Méndez.*Cliente de alto valor, avería larga/
  ])

  // A second request above authority is rejected with a reason; rejecting needs one.
  await grant('Obsequio', '150', 'Compensar la molestia')
  const gift = compensations.getByRole('listitem', { name: /^Obsequio 150/ })
  await expect(gift).toContainText('Pendiente de aprobación')
  const second = lead.approvals.request(/^Solicitud de Ana Ortiz: 150/)
  await second.getByRole('button', { name: /^Rechazar 150/ }).click()
  await expect(second.getByRole('alert')).toHaveText('Indique el motivo del rechazo')
  await second.getByLabel(/^Motivo de la decisión/).fill('Ya se le compensó hoy')
  await second.getByRole('button', { name: /^Rechazar 150/ }).click()
  await expect(approvals).toContainText('No hay solicitudes pendientes')
  await expect(gift).toContainText('Rechazada', { timeout: 30_000 })
  await expect(gift).toContainText('Motivo: Ya se le compensó hoy')
  await expect(timeline.getByRole('listitem').last()).toHaveText(
    /Compensación rechazada Obsequio 150.*· Carla Méndez.*Ya se le compensó hoy/
  )
  // A note joins the timeline at once and stays once synced.
  await item.getByLabel('Nueva nota').fill('Le llamaré el lunes para confirmar el abono')
  await item.getByLabel('Nueva nota').press('Control+Enter')
  const note = timeline.getByRole('listitem').last()
  await expect(note).toHaveText(/Nota.*· Usted.*Le llamaré el lunes para confirmar el abono/)
  await expect(note).not.toContainText('Pendiente de sincronizar')
})
