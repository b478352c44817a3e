/**
 * The card's "recent calls": a classic SIP caller identified by its CTI header rings Ana, she
 * declines; the call is recorded, and the customer's card then lists it, on Ana's screen and,
 * once synced, on a teammate's.
 */
import { expect, test, type Page } from '@playwright/test'

import { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import { runSippCall } from './support/sipp'

let system: PhoneSystem

test.beforeAll(async () => {
  system = await startPhoneSystem('recent-calls')
})

test.afterAll(async () => {
  await system.stop()
})

async function openCardFromSearch(ws: WorkstationPage, page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  await page.keyboard.type('jose nunez pena')
  const results = page.getByRole('listbox', { name: 'Resultados de la búsqueda' })
  await expect(results.getByRole('option').first()).toContainText('José Núñez Peña')
  await page.keyboard.press('Enter')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
}

test('a declined call shows on the customer card, for the agent and the team', async ({
  page,
  browser
}) => {
  await page.goto(system.server.url)
  const ana = new WorkstationPage(page)
  await ana.login('ana')
  await ana.waitForFirstSync()
  await expect(page.getByRole('status', { name: 'Línea telefónica' })).toHaveText('Registrado')

  const sipp = runSippCall(system.dir, system.kamailio.sipPort, {
    extension: '1001',
    callerNumber: '+34910000000',
    callerName: 'IVR Atiende',
    headers: { 'X-Customer-Id': 'CUST-0000001' }
  })
  await expect(ana.card).toContainText('José Núñez Peña')
  await expect(ana.card.getByRole('region', { name: 'Últimas llamadas' })).toContainText(
    'Sin llamadas registradas.'
  )
  await page.getByRole('button', { name: 'Rechazar' }).click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)

  await openCardFromSearch(ana, page)
  const recent = ana.card.getByRole('region', { name: 'Últimas llamadas' })
  await expect(recent.getByRole('listitem')).toHaveCount(1)
  await expect(recent).toContainText('Entrante · Rechazada')

  // Bruno is on Ana's team: the synced record reaches his cache and his card.
  const context = await browser.newContext()
  const other = await context.newPage()
  await other.goto(system.server.url)
  const bruno = new WorkstationPage(other)
  await bruno.login('bruno')
  await bruno.waitForFirstSync()
  await openCardFromSearch(bruno, other)
  await expect(bruno.card.getByRole('region', { name: 'Últimas llamadas' })).toContainText(
    'Entrante · Rechazada'
  )
  await context.close()
})
