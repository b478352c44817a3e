/**
 * Reading an initial load's stream into the store, inside the transaction the store opened for
 * it: customers go to the index-less bulk writer (customers/bulk-load.ts), every other change to
 * the pulled-change writers, and the trailer gives the cursor. A stream without its trailer, or
 * with data after it, throws so the caller rolls everything back.
 */
import type { Customer } from '@shared/domain/customer'
import type { Change } from '@shared/sync/protocol'

import type { CustomerBulkLoad } from '../customers/bulk-load'
import { parseBulkLine, type StreamLine } from '../sync/bulk-stream'

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
  loader: CustomerBulkLoad
  applyChange: (change: Exclude<Change, { entity: 'customer' }>) => void
  /** True once the store is closing: the load stops between batches. */
  closing: () => boolean
}

export async function readBulk(
  batches: AsyncIterable<readonly StreamLine[]>,
  target: BulkReadTarget
): Promise<BulkLoadReport> {
  const { loader } = target
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
