/**
 * The initial load's transaction: customers go to the index-less bulk writer
 * (customers/bulk-load.ts), every other change to the pulled-change writers, and the trailer
 * gives the cursor, stored with the rows. All or nothing: a stream without its trailer, with data
 * after it, an error or a close rolls everything back, cursor included, and throws.
 */
import type { Database } from 'sql.js'

import type { Customer } from '@shared/domain/customer'
import type { Change } from '@shared/sync/protocol'

import { CustomerBulkLoad } from '../customers/bulk-load'
import { parseBulkLine, type StreamLine } from '../sync/bulk-stream'
import { setMeta } from './sql'

/** Set once an initial load has completed. */
export const INITIAL_LOAD_KEY = 'initial_load'

/** What an initial load brought. */
export interface BulkLoadReport {
  customers: number
  /** Complaints and interactions. */
  otherChanges: number
  /** Lines that were not a valid change (skipped, like a record a page could not parse). */
  invalidLines: number
  cursor: number
  entities: Set<Change['entity']>
}

export interface BulkReadTarget {
  applyChange: (change: Exclude<Change, { entity: 'customer' }>) => void
  /** True once the store is closing: the load stops between batches. */
  closing: () => boolean
}

/** Runs the whole load in one transaction of `db`; the caller holds the write lock. */
export async function loadBulk(
  db: Database,
  batches: AsyncIterable<readonly StreamLine[]>,
  target: BulkReadTarget
): Promise<BulkLoadReport> {
  db.run('BEGIN IMMEDIATE')
  let loader: CustomerBulkLoad | null = null
  try {
    loader = new CustomerBulkLoad(db)
    const loaded = await readBulk(batches, loader, target)
    loader.finish()
    setMeta(db, 'pull_cursor', String(loaded.cursor))
    setMeta(db, INITIAL_LOAD_KEY, 'done')
    db.run('COMMIT')
    return loaded
  } catch (error) {
    loader?.free()
    db.run('ROLLBACK')
    throw error
  }
}

async function readBulk(
  batches: AsyncIterable<readonly StreamLine[]>,
  loader: CustomerBulkLoad,
  target: BulkReadTarget
): Promise<BulkLoadReport> {
  const report: BulkLoadReport = {
    customers: 0,
    otherChanges: 0,
    invalidLines: 0,
    cursor: -1,
    entities: new Set()
  }
  for await (const lines of batches) {
    if (target.closing()) throw new Error('local store is closing')
    let customers: Customer[] = []
    for (const line of lines) {
      if (line.length === 0) continue
      if (report.cursor >= 0) throw new Error('bulk pull: data after the trailer')
      if (typeof line !== 'string') {
        // Customers in stream order: the change lines read so far go in first.
        loader.write(customers)
        customers = []
        const before = loader.count
        report.invalidLines += loader.writeBlock(line)
        report.customers += loader.count - before
        report.entities.add('customer')
        continue
      }
      const parsed = parseBulkLine(line)
      if (parsed.kind === 'customer') {
        customers.push(parsed.customer)
        report.customers++
        report.entities.add('customer')
      } else if (parsed.kind === 'change') {
        const change = parsed.change
        target.applyChange(change)
        report.otherChanges++
        report.entities.add(change.entity)
      } else if (parsed.kind === 'trailer') {
        report.cursor = parsed.cursor
      } else {
        report.invalidLines++
      }
    }
    loader.write(customers)
  }
  if (report.cursor < 0) throw new Error('bulk pull: the stream ended without its trailer')
  return report
}
