/**
 * Layout budgets (issue #16, item 5): at 1366×768 and 1536×864 (1920×1080 at 125 %) no workspace
 * of any role scrolls the page, the agent desk included while ringing and in a call with the card,
 * the script and the complaint tool open; and no control is clipped: each one is in the window or
 * in a panel that scrolls it into view (see support/layout-budget.ts for how that is measured).
 * A failure saves a screenshot and names it in the message.
 */
import type { Page, TestInfo } from '@playwright/test'

import { expect, test } from './fixtures'
import { openKnownCaller } from './support/known-caller'
import { measureLayout } from './support/layout-budget'
import {
  answerWithCaseTools,
  openWorkspace,
  ring,
  roleTour,
  settle
} from './support/workspace-tour'

const sizes = [
  { width: 1366, height: 768 },
  { width: 1536, height: 864 }
] as const

// An agent's desk rings with a customer's real call: the shared phone system.
test.use({ viewport: sizes[0], reducedMotion: 'reduce', phoneSystem: true })

/** Checks the budget at both sizes for what is on screen now; soft, so one run reports all. */
async function checkBudget(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await settle(page)
    const report = await measureLayout(page)
    const label = `${view} at ${String(size.width)}×${String(size.height)}`
    if (report.pageScrolls === null && report.clipped.length === 0) continue
    const path = testInfo.outputPath(`${label.replace(/[^a-z0-9]+/gi, '-')}.png`)
    await page.screenshot({ path })
    expect.soft(report.pageScrolls, `${label}: the page scrolls (screenshot ${path})`).toBeNull()
    expect.soft(report.clipped, `${label}: clipped controls (screenshot ${path})`).toEqual([])
  }
  await page.setViewportSize(sizes[0])
}

for (const { user, role, workspaces } of roleTour) {
  test(`${role} (${user}): every workspace fits both sizes without clipping`, async ({
    page,
    phones,
    workstation: ws
  }, testInfo) => {
    test.setTimeout(90_000)
    // Only an agent's desk takes a call: José's phone starts while the agent logs in.
    const [caller] = await Promise.all([
      role === 'agent' ? openKnownCaller(phones) : null,
      ws.loginSynced(user)
    ])
    for (const id of workspaces) {
      await openWorkspace(page, id, 'es')
      await checkBudget(page, testInfo, `${user} ${id}`)
    }
    if (caller === null) return
    // The desk at its fullest: ringing, then in a call with the card, the script and a complaint.
    await ring(ws, user, caller)
    await checkBudget(page, testInfo, `${user} desk ringing`)
    await answerWithCaseTools(ws)
    await checkBudget(page, testInfo, `${user} desk in a call with the complaint tool`)
  })
}
