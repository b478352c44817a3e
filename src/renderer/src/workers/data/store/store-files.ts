/**
 * What opening one user's store takes and finds, and the name of its snapshot file (its journal
 * generations are named by journal.ts, its sync mark by sync-mark.ts).
 */
import type { SqlJsStatic } from 'sql.js'

import type { DurableFiles } from './durable-files'

export interface LocalStoreOptions {
  sql: SqlJsStatic
  files: DurableFiles
  /** Prefix of every file of this store, one store per user: `atiende-<userId>`. */
  name: string
  newId: () => string
  now: () => Date
}

/** What opening the store found on disk. */
export interface OpenReport {
  snapshotLoaded: boolean
  /** Journal entries applied on top of the snapshot. */
  restoredWrites: number
  /** Entries skipped because they were already in the snapshot (replay is idempotent). */
  skippedWrites: number
  /** Entries this build cannot read, queued as rejected so the user sees them. */
  unreadableWrites: number
  /** Lines torn by a crash mid-append (never acknowledged, so safely ignored). */
  tornLines: number
  corruptLines: number
}

export function snapshotFile(name: string): string {
  return `${name}-snapshot.sqlite`
}
