/**
 * Poison input the way an agent meets it: the journal written by an older version holds a
 * complaint whose description carries a NUL, a lone surrogate and a CRLF (pasted text; the old
 * schemas let it through) and a complaint whose call id carries a NUL. Before the text rule, the
 * first answered 500 for ever and every record behind it waited.
 *
 * After an update the app opens that journal: the description is cleaned and synced, the bad
 * identifier is refused visibly (never silently pending), and what the agent writes next reaches
 * the server. The refused records (that complaint, and a callback with a NUL in its number, a
 * kind with no discard of its own) have no row this build could read: the agent finds them in the
 * sync bar's list of records with problems, with their reason, and discards them.
 *
 * With `ATIENDE_SCREENSHOTS=<dir>` the open list is captured there at 1366x768, in Spanish and
 * English, for a person to look at.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromium, type BrowserContext, type Page } from '@playwright/test'

import { loginAs, serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { Workstation } from './pages/workstation'
import { chromiumArgs, chromiumPath } from './support/chromium'

// Records this build refuses would sit in the shared server's logs and counts: a server of its own.
test.use({ ownServer: true })

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

/** A callback an older version journaled with a NUL in its number (the schema refuses it). */
function oldCallbackLine(contactName: string, assigneeId: string): string {
  const now = new Date()
  return `${JSON.stringify({
    id: randomUUID(),
    name: 'callback.schedule',
    args: {
      id: randomUUID(),
      customerId: null,
      contactName,
      phoneE164: '+34600\u0000111222',
      dueAt: new Date(now.getTime() + 3_600_000).toISOString(),
      note: '',
      assigneeId,
      practice: false,
      callId: null,
      createdAt: now.toISOString()
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
      // Far above the newest file: a snapshot records the first generation it does not cover and
      // deletes the files before it, so the newest file left can be below that mark (none at
      // all, after a snapshot with no write since), and a journal planted under it is never
      // replayed.
      const name = `${prefix}${String(newest + 1_000_000).padStart(8, '0')}.jsonl`
      const handle = await root.getFileHandle(name, { create: true })
      const writable = await handle.createWritable()
      await writable.write(text)
      await writable.close()
      return name
    },
    { prefix, text }
  )
}

/** Where `ATIENDE_SCREENSHOTS` asks for captures of the list, or null when it does not. */
function screenshotDir(): string | null {
  const dir = process.env['ATIENDE_SCREENSHOTS']
  return dir === undefined || dir === '' ? null : dir
}

/** The open list at 1366x768, in Spanish then English, for a person to look at. */
async function screenshots(page: Page): Promise<void> {
  const dir = screenshotDir()
  if (dir === null) return
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.screenshot({ path: join(dir, 'sync-problems-es.png') })
  const ws = new Workstation(page)
  await ws.setLanguage('en')
  await expect(page.getByText('Show records with problems (2)')).toBeVisible()
  await page.screenshot({ path: join(dir, 'sync-problems-en.png') })
  await ws.setLanguage('es')
  await expect(page.getByText('Ver registros con problemas (2)')).toBeVisible()
}

test('a poisoned record from an older version neither blocks nor hides the records behind it', async ({
  server
}) => {
  test.setTimeout(180_000)
  const profile = mkdtempSync(join(tmpdir(), 'atiende-profile-'))
  try {
    const ana = await loginAs(server.url, 'ana')
    const marker = String(Date.now())
    const first = await open(profile)
    await first.page.goto(server.url)
    const before = new Workstation(first.page)
    await before.loginSynced('ana')
    await first.context.close()

    // The older version's journal, planted while the app is closed.
    const pasted = `Pegado ${marker}\u0000 con\ud800 basura\r\nsegunda línea`
    const planted = await open(profile)
    await planted.page.goto(`${server.url}/api/health`)
    await plantJournal(
      planted.page,
      `atiende-${ana.user.id}-journal-`,
      oldComplaintLine(pasted, null) +
        oldComplaintLine(`Identificador roto ${marker}`, `call\u0000${marker}`) +
        oldCallbackLine(`Luis ${marker}`, ana.user.id)
    )
    await planted.page.goto(server.url)
    const ws = new Workstation(planted.page)
    await expect(ws.softphone.heading).toBeVisible()

    const after = `Escrita después ${marker}`
    await ws.logComplaint('Facturación', after)
    await expect(ws.syncBar.status).toContainText('Pendientes: 0', { timeout: 60_000 })
    // The refused ones are in sight with their reason, not pending for ever.
    await expect(ws.syncBar.status).toContainText('Rechazadas: 2')
    await expect(ws.complaints.complaint(after)).toContainText(/Sincronizada · QR-\d+/)

    // Neither has a row this build could read: the sync bar's list is where they are.
    await ws.syncBar.problemsToggleWith(2).click()
    const problems = ws.syncBar.problems
    const refusedComplaint = problems.getByRole('listitem').filter({ hasText: 'Queja' })
    await expect(refusedComplaint).toContainText(`Identificador roto ${marker}`)
    await expect(refusedComplaint).toContainText('Motivo: Lo guardó una versión anterior')
    const refusedCallback = problems
      .getByRole('listitem')
      .filter({ hasText: 'Devolución de llamada' })
    await expect(refusedCallback).toContainText(`Luis ${marker}`)
    await screenshots(planted.page)

    // Discarding takes a second, confirming click; the keyboard stays on the item meanwhile.
    await problems
      .getByRole('button', { name: `Descartar Queja «Identificador roto ${marker}»` })
      .click()
    const confirm = problems.getByRole('button', {
      name: `Confirmar: descartar Queja «Identificador roto ${marker}»`
    })
    await expect(confirm).toBeFocused()
    const dir = screenshotDir()
    if (dir !== null)
      await planted.page.screenshot({ path: join(dir, 'sync-problems-confirm.png') })
    await confirm.click()
    await expect(ws.syncBar.status).toContainText('Rechazadas: 1')
    await expect(problems.getByRole('listitem')).toHaveCount(1)
    await problems
      .getByRole('button', { name: `Descartar Devolución de llamada «Luis ${marker}` })
      .click()
    await problems
      .getByRole('button', { name: /^Confirmar: descartar Devolución de llamada/ })
      .click()
    await expect(ws.syncBar.status).not.toContainText('Rechazadas')
    await expect(ws.syncBar.problemsToggle).toHaveCount(0)
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
