/**
 * Visual checks (issue #16, item 7): a dozen screenshots of each role's workspaces and of the agent
 * desk ringing and in a call, compared with baselines made on this machine kind (Debian's Chromium
 * and fonts; see docs/testing.md to regenerate them). The tolerance is the config's
 * `toHaveScreenshot.maxDiffPixelRatio`; CI never writes baselines (`updateSnapshots: 'none'`).
 *
 * Deterministic: Spanish, the light theme, reduced motion, one window size. Masked: clocks and
 * times (the call timer, the last sync, due dates), and what other specs sharing the server
 * change (case numbers and lists of complaints, team states, approvals, a customer's history).
 */
import { fileURLToPath } from 'node:url'

import type { Locator, Page } from '@playwright/test'

import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import { openKnownCaller } from './support/known-caller'
import { answer, openWorkspace, ring, settle } from './support/workspace-tour'

// The agent's desk rings with a customer's real call: the shared phone system.
test.use({
  viewport: { width: 1366, height: 768 },
  reducedMotion: 'reduce',
  locale: 'es-ES',
  phoneSystem: true
})

test.beforeEach(async ({ page }) => {
  // The light theme whatever the machine prefers, before the app's first paint.
  await page.addInitScript(() => {
    localStorage.setItem('atiende.theme', 'light')
    localStorage.setItem('atiende.language', 'es')
  })
})

/** What changes from run to run and keeps its size: clocks, dates and the team's live states. */
function volatile(ws: Workstation): Locator[] {
  const { page } = ws
  return [
    page.getByRole('timer'),
    page.locator('.sync-last'),
    page.locator('.cache-freshness'),
    page.locator('input[type="date"]'),
    ws.complaintForm.dueBy,
    // The floor's rows and column widths follow what other specs left on the shared server (who
    // is live, lost or on a call): its scroll box is masked whole (the counts are blanked by CSS).
    ws.team.region.locator('.floor-scroll')
  ]
}

/** Lists whose length depends on the shared server's records collapse while shooting. */
const stylePath = fileURLToPath(new URL('./support/visual-stable.css', import.meta.url))

async function expectScreen(ws: Workstation, name: string): Promise<void> {
  await settle(ws.page)
  await expect(ws.page).toHaveScreenshot(`${name}.png`, { mask: volatile(ws), stylePath })
}

/** The complaints view filtered to a search nobody's case matches: the same on any server. */
async function emptyComplaintsView(ws: Workstation): Promise<void> {
  await openWorkspace(ws.page, 'complaints', 'es')
  await ws.complaints.search.fill('zz-sin-coincidencias')
}

async function loginAs(ws: Workstation, user: string): Promise<Page> {
  await ws.loginSynced(user)
  return ws.page
}

test('login page', async ({ workstation: ws }) => {
  // The first test of a run also waits for the shared server to start.
  test.setTimeout(90_000)
  await expect(ws.loginPage.form).toBeVisible()
  await expectScreen(ws, 'login')
})

test('agent: desk idle, complaints, ringing, in a call with the complaint tool', async ({
  phones,
  workstation: ws
}) => {
  test.setTimeout(90_000)
  const [caller] = await Promise.all([openKnownCaller(phones), loginAs(ws, 'ana')])
  await expectScreen(ws, 'agent-desk-idle')
  await emptyComplaintsView(ws)
  await expectScreen(ws, 'agent-complaints')
  await ring(ws, 'ana', caller)
  await expectScreen(ws, 'agent-desk-ringing')
  await answer(ws)
  await expectScreen(ws, 'agent-desk-in-call')
  await ws.complaintForm.open()
  await expectScreen(ws, 'agent-desk-in-call-complaint')
})

test('team lead: team live, quality and reports', async ({ workstation: ws }) => {
  test.setTimeout(60_000)
  const page = await loginAs(ws, 'carla')
  await openWorkspace(page, 'team', 'es')
  await expectScreen(ws, 'lead-team-live')
  await openWorkspace(page, 'quality', 'es')
  await expectScreen(ws, 'lead-quality')
})

test('trainer: training', async ({ workstation: ws }) => {
  test.setTimeout(60_000)
  const page = await loginAs(ws, 'tomas')
  await openWorkspace(page, 'training', 'es')
  await expectScreen(ws, 'trainer-training')
})

test('admin: administration, team live, training', async ({ workstation: ws }) => {
  test.setTimeout(60_000)
  const page = await loginAs(ws, 'admin')
  await openWorkspace(page, 'admin', 'es')
  await expectScreen(ws, 'admin-administration')
  await openWorkspace(page, 'team', 'es')
  await expectScreen(ws, 'admin-team-live')
  await openWorkspace(page, 'training', 'es')
  await expectScreen(ws, 'admin-training')
})
