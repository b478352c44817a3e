/**
 * Customer changes also keep the customer in the client cache's stored form (protocol 7), so the
 * bulk pull streams it as it is instead of every client rebuilding a million rows. Rows written
 * before this migration have none until the start-up backfill reaches them; the bulk pull sends
 * those as ordinary change lines.
 */
import type { Migration } from './migration'

export const migration015CustomerCacheRows: Migration = {
  version: 15,
  name: 'customer-cache-rows',
  statements: [
    'ALTER TABLE change_log ADD COLUMN cache_row text',
    // What the backfill still has to do; empty once it is done, and new rows never enter it.
    `CREATE INDEX change_log_customer_without_cache_row ON change_log (seq)
       WHERE entity = 'customer' AND cache_row IS NULL`
  ]
}
