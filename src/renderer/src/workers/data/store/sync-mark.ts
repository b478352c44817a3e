/**
 * When the cache last synced, kept across restarts so a workstation that starts offline still
 * says how old its data is (and warns when it is stale) instead of "never".
 *
 * @remarks
 * The time is only true of the rows it describes. Pulled rows reach disk with the next snapshot,
 * so a time written on its own could outlive the rows after a crash. Two records, each honest:
 * - a small mark file `{cursor, at}` written (atomically, durably) after a successful pass. It is
 *   believed only while the store's cursor is at least the mark's: rows pulled after the mark can
 *   only make the cache fresher; a cursor behind the mark means the pulled rows were lost.
 * - the same time in the store's meta table, which every snapshot carries with its rows.
 * A restart takes the mark when it holds, else the meta time, else nothing.
 */
import { z } from 'zod'

import type { Database } from 'sql.js'

import type { DurableFiles } from './durable-files'
import { getMeta, setMeta } from './sql'

const META_KEY = 'last_sync_at'

const markSchema = z.object({ cursor: z.int().min(0), at: z.iso.datetime() })
type Mark = z.infer<typeof markSchema>

export function syncMarkFile(storeName: string): string {
  return `${storeName}-last-sync.json`
}

function parseMark(bytes: Uint8Array): Mark | null {
  if (bytes.byteLength === 0) return null
  try {
    const parsed = markSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function later(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b
  return Date.parse(a) >= Date.parse(b) ? a : b
}

export class SyncMark {
  private constructor(
    private readonly files: DurableFiles,
    private readonly file: string,
    private at: string | null
  ) {}

  /** What a restart can still claim, given the cursor the store reopened at. */
  static async load(
    files: DurableFiles,
    storeName: string,
    db: Database,
    cursor: number
  ): Promise<SyncMark> {
    const file = syncMarkFile(storeName)
    const mark = parseMark(await files.read(file))
    const fromMeta = getMeta(db, META_KEY)
    const holds = mark !== null && mark.cursor <= cursor
    return new SyncMark(files, file, later(holds ? mark.at : null, fromMeta))
  }

  /** The last successful sync the cache still reflects, or null. */
  get lastSyncedAt(): string | null {
    return this.at
  }

  /**
   * A pass succeeded at `at`: the meta time changes with the rows (call it under the store's
   * write lock, so it never lands inside another writer's transaction).
   */
  remember(db: Database, at: string): void {
    this.at = at
    setMeta(db, META_KEY, at)
  }

  /** Writes the mark for a pass that left the store at `cursor` (durable when this resolves). */
  async persist(cursor: number, at: string): Promise<void> {
    // A few bytes, fsynced: small next to the pass's own round trips to the server.
    const mark: Mark = { cursor, at }
    await this.files.replace(this.file, new TextEncoder().encode(JSON.stringify(mark)))
  }
}
