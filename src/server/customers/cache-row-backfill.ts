/**
 * Gives the customer changes written before migration 015 their cache rows, so the bulk pull can
 * stream them in the client's stored form. Runs at start, before the server listens; a no-op
 * (one empty index probe) once done. Instances starting together may both fill a row: they write
 * the same value.
 */
import { customerSchema } from '@shared/domain/customer'
import { customerCacheRow } from '@shared/sync/customer-cache-row'
import type { Db } from '../db/db'

const BATCH = 5000

/** Fills every missing customer cache row; returns how many were filled. */
export async function backfillCustomerCacheRows(db: Db): Promise<number> {
  let filled = 0
  let after = 0
  for (;;) {
    const rows = await db.query<{ seq: number; data: unknown }>(
      `SELECT seq, data FROM change_log
       WHERE entity = 'customer' AND cache_row IS NULL AND seq > $1 ORDER BY seq LIMIT $2`,
      [after, BATCH]
    )
    const last = rows.at(-1)
    if (last === undefined) {
      // Every filled row left a dead version behind (PGlite has no autovacuum): without this
      // the bulk pull reads twice the pages it needs.
      if (filled > 0) await db.query('VACUUM ANALYZE change_log')
      return filled
    }
    after = last.seq
    const updates: { seq: number; row: string }[] = []
    for (const r of rows) {
      // A row the schema refuses stays as it is: the bulk pull sends it as a change line and
      // the client refuses it there, as it always did.
      const parsed = customerSchema.safeParse(r.data)
      if (parsed.success) {
        updates.push({ seq: r.seq, row: JSON.stringify(customerCacheRow(parsed.data)) })
      }
    }
    if (updates.length > 0) {
      await db.query(
        `UPDATE change_log c SET cache_row = u.row
         FROM jsonb_to_recordset($1::jsonb) AS u(seq bigint, row text) WHERE c.seq = u.seq`,
        [JSON.stringify(updates)]
      )
    }
    filled += updates.length
  }
}
