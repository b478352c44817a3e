/**
 * Fault: the browser is killed with SIGKILL while the agent saves complaints offline (the server
 * is down, so everything sits in the OPFS journal and the outbox). After a relaunch on the same
 * profile every acknowledged complaint is still there, and each reaches the server exactly once.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromium, type BrowserContext, type Page } from '@playwright/test'

import { serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { Workstation } from './pages/workstation'
import { chromiumArgs, chromiumPath } from './support/chromium'

// The server is stopped while the agent works offline: nobody else's.
test.use({ ownServer: true })

const ACKNOWLEDGED = 8

/** SIGKILLs every Chromium process of this profile, as a crash or a power cut would. */
function killBrowser(profile: string): number {
  let killed = 0
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  for (const line of ps.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line)
    if (match?.[1] && match[2]?.includes(profile)) {
      try {
        process.kill(Number(match[1]), 'SIGKILL')
        killed++
      } catch {
        // Already gone: the parent's death can take its children with it.
      }
    }
  }
  return killed
}

async function open(
  profile: string,
  url: string
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs(),
    headless: true,
    locale: 'es-ES'
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  return { context, page }
}

test('complaints acknowledged before a browser crash survive it and sync exactly once', async ({
  server
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'atiende-profile-'))
  try {
    const first = await open(profile, server.url)
    const ws = new Workstation(first.page)
    await ws.loginSynced('ana')
    await server.stop()

    const marker = String(Date.now())
    const acknowledged: string[] = []
    for (let i = 0; i < ACKNOWLEDGED; i++) {
      const description = `Caída ${marker} #${i}`
      await ws.logComplaint('Facturación', description)
      await expect(ws.complaints.complaint(description)).toContainText('Pendiente de sincronizar')
      acknowledged.push(description)
    }
    const inFlight = `Caída ${marker} en vuelo`
    await ws.complaintForm.open()
    await ws.complaintForm.description.fill(inFlight)
    await ws.complaintForm.save.click()
    expect(killBrowser(profile)).toBeGreaterThan(0)
    await first.context.close().catch(() => undefined)

    await server.start()
    const second = await open(profile, server.url)
    const again = new Workstation(second.page)
    // The session is kept in OPFS too, so the agent is still logged in after the crash.
    await expect(again.navigation).toBeVisible()
    await again.complaints.open()
    for (const description of acknowledged) {
      await expect(again.complaints.complaint(description)).toBeVisible()
    }
    await expect(again.syncBar.status).toContainText('Pendientes: 0', { timeout: 60_000 })
    for (const description of acknowledged) {
      await expect(again.complaints.complaint(description)).toContainText(/Sincronizada · QR-\d+/)
    }
    await second.context.close()

    const onServer = await serverComplaints(server.url)
    for (const description of acknowledged) {
      expect(onServer.filter((c) => c.description === description)).toHaveLength(1)
    }
    // The write in flight at the crash was never acknowledged: it may or may not exist, never twice.
    expect(onServer.filter((c) => c.description === inFlight).length).toBeLessThanOrEqual(1)
  } finally {
    await server.stop()
    rmSync(profile, { recursive: true, force: true })
  }
})
