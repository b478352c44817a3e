/**
 * Poison input the way an agent meets it: the journal written by an older version holds a
 * complaint whose description carries a NUL, a lone surrogate and a CRLF (pasted text; the old
 * schemas let it through) and a complaint whose call id carries a NUL. Before the text rule, the
 * first answered 500 for ever and every record behind it waited.
 *
 * After an update the app opens that journal: the description is cleaned and synced, the bad
 * identifier is refused visibly (never silently pending), and what the agent writes next reaches
 * the server.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromium, type BrowserContext, type Page } from '@playwright/test'

import { loginAs, serverComplaints } from '../support/server-api'
import { ServerProcess } from '../support/server-process'
import { expect, test } from './fixtures'
import { WorkstationPage } from './pages/workstation-page'
import { chromiumArgs, chromiumPath } from './support/chromium'

async function open(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs(),
    headless: true,
    locale: 'es-ES'
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

/** A journal line as an older version wrote it: the mutation as JSON, then a newline. */
function oldComplaintLine(description: string, callId: string | null): string {
  return `${JSON.stringify({
    id: randomUUID(),
    name: 'complaint.create',
    args: {
      id: randomUUID(),
      customerId: null,
      callId,
      category: 'billing',
      description,
      createdAt: new Date().toISOString()
    }
  })}\n`
}

/**
 * Appends a journal generation after the newest one in the origin's OPFS, from a page of the
 * same origin where the app has not opened its store.
 */
async function plantJournal(page: Page, prefix: string, text: string): Promise<string> {
  return page.evaluate(
    async ({ prefix, text }) => {
      const root = await navigator.storage.getDirectory()
      // The e2e project's DOM types lack the directory's async iterator; Chromium has it.
      const names = (root as unknown as { keys(): AsyncIterable<string> }).keys()
      let newest = 0
      for await (const name of names) {
        const match = new RegExp(`^${prefix}(\\d{8})\\.jsonl$`).exec(name)
        if (match?.[1]) newest = Math.max(newest, Number(match[1]))
      }
      const name = `${prefix}${String(newest + 1).padStart(8, '0')}.jsonl`
      const handle = await root.getFileHandle(name, { create: true })
      const writable = await handle.createWritable()
      await writable.write(text)
      await writable.close()
      return name
    },
    { prefix, text }
  )
}

test('a poisoned record from an older version neither blocks nor hides the records behind it', async () => {
  test.setTimeout(180_000)
  const server = await ServerProcess.create()
  const profile = mkdtempSync(join(tmpdir(), 'atiende-profile-'))
  await server.start()
  try {
    const ana = await loginAs(server.url, 'ana')
    const marker = String(Date.now())
    const first = await open(profile)
    await first.page.goto(server.url)
    const before = new WorkstationPage(first.page)
    await before.login('ana')
    await before.waitForFirstSync()
    await first.context.close()

    // The older version's journal, planted while the app is closed.
    const pasted = `Pegado ${marker}\u0000 con\ud800 basura\r\nsegunda línea`
    const planted = await open(profile)
    await planted.page.goto(`${server.url}/api/health`)
    await plantJournal(
      planted.page,
      `atiende-${ana.user.id}-journal-`,
      oldComplaintLine(pasted, null) +
        oldComplaintLine(`Identificador roto ${marker}`, `call\u0000${marker}`)
    )
    await planted.page.goto(server.url)
    const ws = new WorkstationPage(planted.page)
    await expect(planted.page.getByRole('heading', { name: 'Teléfono' })).toBeVisible()

    const after = `Escrita después ${marker}`
    await ws.logComplaint('Facturación', after)
    await expect(ws.syncStatus).toContainText('Pendientes: 0', { timeout: 60_000 })
    // The refused one is in sight with its reason, not pending for ever.
    await expect(ws.syncStatus).toContainText('Rechazadas: 1')
    await expect(ws.complaint(after)).toContainText(/Sincronizada · QR-\d+/)
    await planted.context.close()

    const onServer = await serverComplaints(server.url)
    const cleaned = `Pegado ${marker} con\ufffd basura\nsegunda línea`
    expect(onServer.filter((c) => c.description === cleaned)).toHaveLength(1)
    expect(onServer.filter((c) => c.description === after)).toHaveLength(1)
    expect(onServer.some((c) => c.description.includes(`Identificador roto ${marker}`))).toBe(false)
  } finally {
    await server.stop()
    rmSync(profile, { recursive: true, force: true })
  }
})
