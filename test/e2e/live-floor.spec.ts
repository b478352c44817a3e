/**
 * The live floor through the real transport: an agent's desk publishes its presence on the
 * realtime socket and the team's lead sees it.
 * - A customer's call (through the phone system) shows with its customer and script step, and
 *   the step changes on the lead's screen as the agent moves on.
 * - A killed agent browser (SIGKILL: no goodbye) and, separately, a connection that silently
 *   stops forwarding (the test TCP proxy stalls: no close, no error) both show "Conexión
 *   perdida" on the floor; expiry comes from missing heartbeats (26 s), so each waits for it.
 * - A lead whose own connection stalls sees the floor is out of date, and nobody turns lost.
 * No latency is asserted here: `npm run bench:floor` measures it.
 */
import { chromium, type Browser, type BrowserServer, type Page } from '@playwright/test'

import { CuttingProxy } from '@support/cutting-proxy'
import { expect, test } from './fixtures'
import { TeamPanel } from './pages/lead-panels'
import { Workstation } from './pages/workstation'
import { chromiumArgs, chromiumPath } from './support/chromium'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

/** Expiry (26 s) plus the sweep and the fan-out, with room for a loaded machine. */
const LOST_WITHIN_MS = 45_000

/** A desk in a Chromium process of its own, so it can be killed like a crashed app. */
async function deskInOwnBrowser(
  url: string
): Promise<{ process: BrowserServer; browser: Browser; page: Page }> {
  const process = await chromium.launchServer({
    executablePath: chromiumPath(),
    args: chromiumArgs(),
    headless: true
  })
  const browser = await chromium.connect(process.wsEndpoint())
  const page = await (await browser.newContext({ locale: 'es-ES' })).newPage()
  await page.goto(url)
  return { process, browser, page }
}

async function floorOf(lead: Workstation): Promise<TeamPanel> {
  await lead.goTo('Equipo en vivo')
  const floor = new TeamPanel(lead.page)
  await expect(floor.region).toBeVisible()
  return floor
}

test.describe('a call on the floor', () => {
  // Ana answers a customer's real call: the shared phone system.
  test.use({ phoneSystem: true })

  test("the floor shows an agent's call with its customer and script step as it moves", async ({
    colleagues,
    phones,
    workstation: lead
  }) => {
    const [caller] = await Promise.all([openKnownCaller(phones), lead.loginSynced('carla')])
    const floor = await floorOf(lead)
    const ana = await colleagues.open('ana')
    await ana.waitForFirstSync()
    const row = floor.agent(/^Ana Ortiz/)
    await expect(row).toContainText('Listo')

    await answerKnownCaller(ana, 'ana', caller, { keyboard: true })
    await expect(row).toContainText('En llamada')
    await expect(row).toContainText('José Núñez Peña')
    await expect(row).toContainText('Buenos días, José')
    await ana.page.keyboard.press('Enter')
    await expect(ana.script.step).toContainText('¿Cuál es el motivo de la llamada?')
    await expect(row).toContainText('Motivo')
  })
})

test('a killed agent browser and a silently dropped connection both show "connection lost"', async ({
  browser,
  server,
  workstation: lead
}) => {
  // Both desks go silent together, so the spec waits for one expiry, not two.
  test.setTimeout(150_000)
  await lead.loginSynced('carla')
  const floor = await floorOf(lead)
  const desk = await deskInOwnBrowser(server.url)
  const proxy = await CuttingProxy.start(Number(new URL(server.url).port))
  const context = await browser.newContext({ locale: 'es-ES' })
  try {
    const bruno = new Workstation(desk.page)
    const page = await context.newPage()
    await page.goto(proxy.url)
    const ana = new Workstation(page)
    await Promise.all([bruno.loginSynced('bruno'), ana.loginSynced('ana')])
    const brunoRow = floor.agent(/^Bruno Salas/)
    const anaRow = floor.agent(/^Ana Ortiz/)
    await expect(brunoRow).toContainText('Listo')
    await expect(anaRow).toContainText('Listo')

    desk.process.process().kill('SIGKILL')
    proxy.stall()
    await expect(brunoRow).toContainText('Conexión perdida', { timeout: LOST_WITHIN_MS })
    await expect(anaRow).toContainText('Conexión perdida', { timeout: LOST_WITHIN_MS })

    // Ana's network is back: her desk reconnects and republishes at once.
    proxy.resume()
    await expect(anaRow).toContainText('Listo', { timeout: LOST_WITHIN_MS })
    await expect(anaRow).not.toContainText('Conexión perdida')
    await expect(brunoRow).toContainText('Conexión perdida')
  } finally {
    await context.close()
    await proxy.close()
    await desk.process.kill()
  }
})

test('a lead whose own connection stalls sees the floor out of date, not the team lost', async ({
  browser,
  colleagues,
  server
}) => {
  test.setTimeout(120_000)
  const proxy = await CuttingProxy.start(Number(new URL(server.url).port))
  const context = await browser.newContext({ locale: 'es-ES' })
  try {
    const page = await context.newPage()
    await page.goto(proxy.url)
    const lead = new Workstation(page)
    await lead.loginSynced('carla')
    const floor = await floorOf(lead)
    const ana = await colleagues.open('ana')
    await ana.waitForFirstSync()
    await expect(floor.agent(/^Ana Ortiz/)).toContainText('Listo')
    proxy.stall()
    await expect(
      floor.region.getByRole('status').filter({ hasText: 'no está al día' })
    ).toBeVisible({ timeout: LOST_WITHIN_MS })
    const row = floor.agent(/^Ana Ortiz/)
    await expect(row).toContainText('Listo')
    await expect(row).not.toContainText('Conexión perdida')
  } finally {
    await context.close()
    await proxy.close()
  }
})
