/**
 * Escalation and assignment across three people: the agent escalates a case with a reason; the
 * lead, already looking at her queue, sees it arrive at the top, escalated, and assigns it to
 * another agent of the team, who finds it in his own complaints.
 */
import { expect, test } from './fixtures'
import { WorkstationPage } from './pages/workstation-page'
import { serverComplaints } from '../support/server-api'

test('an agent escalates; the lead sees it live at the top of her queue and assigns it; the assignee has it', async ({
  browser,
  server,
  workstation
}) => {
  await workstation.login('ana')
  await workstation.waitForFirstSync()
  const stamp = Date.now()
  const escalated = `Cobro que el cliente no reconoce ${stamp}`
  const newer = `Factura sin detalle ${stamp}`
  await workstation.logComplaint('Facturación', escalated)
  await expect(workstation.complaint(escalated)).toContainText(/Sincronizada · QR-\d+/)
  await workstation.logComplaint('Facturación', newer)
  await expect(workstation.complaint(newer)).toContainText(/Sincronizada · QR-\d+/)

  // The lead is already at her queue, newest first.
  const lead = await WorkstationPage.loggedIn(browser, server.url, 'carla')
  const leadItems = lead.complaints.getByRole('listitem')
  await expect(lead.complaint(escalated)).toBeVisible({ timeout: 30_000 })
  await expect(leadItems.first()).toHaveAccessibleName(newer)

  const item = workstation.complaint(escalated)
  await item.getByRole('button', { name: /^Escalar al jefe de equipo/ }).click()
  // Keyboard first: the reason field has the focus; Enter sends.
  await expect(item.getByLabel('Motivo del escalamiento')).toBeFocused()
  await item.getByLabel('Motivo del escalamiento').fill('Pide hablar con un supervisor')
  await item.getByLabel('Motivo del escalamiento').press('Enter')
  await expect(item).toContainText('Escalada')
  await expect(item).toContainText('Motivo: Pide hablar con un supervisor')

  // Live on the lead's screen: at the top, marked, with the reason.
  await expect(leadItems.first()).toHaveAccessibleName(escalated, { timeout: 30_000 })
  const leadItem = lead.complaint(escalated)
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
  await lead.page.context().close()

  // The filer's own list no longer holds it; the assignee's does.
  await expect(item).toHaveCount(0, { timeout: 30_000 })
  const bruno = await WorkstationPage.loggedIn(browser, server.url, 'bruno')
  const brunoPage = bruno.page
  await expect(brunoPage.getByLabel('Mostrar')).toHaveValue('mine')
  await expect(bruno.complaint(escalated)).toContainText('Asignada a Usted', { timeout: 30_000 })
  await expect(bruno.complaint(newer)).toHaveCount(0)
  await bruno.page.context().close()
})
