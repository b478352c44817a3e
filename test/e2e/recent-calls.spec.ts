/**
 * The card's "recent calls": a classic SIP caller identified by its CTI header rings Ana, she
 * declines; the call is recorded, and the customer's card then lists it, on Ana's screen and,
 * once synced, on a teammate's.
 */
import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'

// José's card must list no calls before this one: other specs' calls would show there.
test.use({ phoneSystem: true, ownServer: true })

async function openCardFromSearch(ws: Workstation): Promise<void> {
  await ws.page.keyboard.press('Control+k')
  await ws.page.keyboard.type('jose nunez pena')
  await expect(ws.card.results.getByRole('option').first()).toContainText('José Núñez Peña')
  await ws.page.keyboard.press('Enter')
  await expect(ws.card.customer('José Núñez Peña')).toBeVisible()
}

test('a declined call shows on the customer card, for the agent and the team', async ({
  colleagues,
  sipPeer,
  workstation: ana
}) => {
  await ana.loginSynced('ana')
  await expect(ana.softphone.line).toHaveText('Registrado')

  const sipp = sipPeer.call({
    extension: '1001',
    callerNumber: '+34910000000',
    callerName: 'IVR Atiende',
    headers: { 'X-Customer-Id': 'CUST-0000001' }
  })
  await expect(ana.card.region).toContainText('José Núñez Peña')
  await expect(ana.card.recentCalls).toContainText('Sin llamadas registradas.')
  await ana.softphone.decline.click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)

  await openCardFromSearch(ana)
  const recent = ana.card.recentCalls
  await expect(recent.getByRole('listitem')).toHaveCount(1)
  await expect(recent).toContainText('Entrante · Rechazada')

  // Bruno is on Ana's team: the synced record reaches his cache and his card.
  const bruno = await colleagues.open('bruno')
  await bruno.waitForFirstSync()
  await openCardFromSearch(bruno)
  await expect(bruno.card.recentCalls).toContainText('Entrante · Rechazada')
})
