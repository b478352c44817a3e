/**
 * Escalation and assignment across three people: the agent escalates a case with a reason; the
 * lead, already looking at her queue, sees it arrive at the top, escalated, and assigns it to
 * another agent of the team, who finds it in his own complaints.
 */
import { serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'

test('an agent escalates; the lead sees it live at the top of her queue and assigns it; the assignee has it', async ({
  colleagues,
  server,
  workstation
}) => {
  await workstation.loginSynced('ana')
  const stamp = Date.now()
  const escalated = `Cobro que el cliente no reconoce ${stamp}`
  const newer = `Factura sin detalle ${stamp}`
  await workstation.logComplaint('Facturación', escalated)
  await expect(workstation.complaints.complaint(escalated)).toContainText(/Sincronizada · QR-\d+/)
  await workstation.logComplaint('Facturación', newer)
  await expect(workstation.complaints.complaint(newer)).toContainText(/Sincronizada · QR-\d+/)

  // The lead is already at her queue, newest first.
  const lead = await colleagues.open('carla')
  await lead.complaints.open()
  const leadItems = lead.complaints.items
  await expect(lead.complaints.complaint(escalated)).toBeVisible({ timeout: 30_000 })
  await expect(leadItems.first()).toHaveAccessibleName(newer)

  const item = workstation.complaints.complaint(escalated)
  await item.getByRole('button', { name: /^Escalar al jefe de equipo/ }).click()
  // Keyboard first: the reason field has the focus; Enter sends.
  await expect(item.getByLabel('Motivo del escalamiento')).toBeFocused()
  await item.getByLabel('Motivo del escalamiento').fill('Pide hablar con un supervisor')
  await item.getByLabel('Motivo del escalamiento').press('Enter')
  await expect(item).toContainText('Escalada')
  await expect(item).toContainText('Motivo: Pide hablar con un supervisor')

  // Live on the lead's screen: at the top, marked, with the reason.
  await expect(leadItems.first()).toHaveAccessibleName(escalated, { timeout: 30_000 })
  const leadItem = lead.complaints.complaint(escalated)
  await expect(leadItem).toContainText('Escalada')
  await expect(leadItem).toContainText('Pide hablar con un supervisor')
  await leadItem.getByLabel(`Asignar la queja «${escalated}» a`).selectOption({
    label: 'Bruno Salas'
  })
  await leadItem.getByRole('button', { name: /^Asignar: queja/ }).click()
  await expect(leadItem).toContainText('Asignada a Bruno Salas')
  await expect(leadItem).not.toContainText('Escalada')
  // The timeline keeps who escalated, why, and who was assigned.
  await leadItem.getByRole('button', { name: /^Detalle/ }).click()
  const timeline = leadItem.getByRole('region', { name: 'Historial' })
  await expect(timeline).toContainText('Escalada al jefe de equipo')
  await expect(timeline).toContainText('Ana Ortiz')
  await expect(timeline).toContainText('→ Bruno Salas')
  await expect
    .poll(async () => {
      const stored = (await serverComplaints(server.url)).find((c) => c.description === escalated)
      return stored?.assigneeId ?? null
    })
    .not.toBeNull()
  await lead.close()

  // The filer's own list no longer holds it; the assignee's does.
  await expect(item).toHaveCount(0, { timeout: 30_000 })
  const bruno = await colleagues.open('bruno')
  await bruno.complaints.open()
  await expect(bruno.complaints.show).toHaveValue('mine')
  await expect(bruno.complaints.complaint(escalated)).toContainText('Asignada a Usted', {
    timeout: 30_000
  })
  await expect(bruno.complaints.complaint(newer)).toHaveCount(0)
})
