/**
 * The initial load as one stream: every visible change up to the head, as NDJSON, so a client
 * with an empty cache fetches a million customers in one response instead of hundreds of pages.
 */
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { headCursor, visibilityFilter, type Visibility } from './change-log'
import { visibilityOf } from './visibility'

/**
 * Sequence numbers read per query. Bounding the range, not only the row count, keeps each query
 * to this many rows even when the planner has no statistics (a freshly seeded PGlite sorted the
 * whole log for every page, which made paging quadratic).
 */
const SPAN = 10_000

/**
 * The changes with `after < seq <= upTo` as stream text, built and joined by the database: one
 * text value per query instead of three fields per row halved the server's time. Customers with
 * a cache row go in one block line `[row,row,…]` in seq order; every other change (and a customer
 * written before cache rows existed) is its own line, before the block. The entity names are
 * fixed identifiers, `data` is jsonb and `cache_row` was serialised by JSON.stringify, so the
 * concatenation is valid JSON.
 */
async function readSpan(
  db: Queryable,
  visibility: Visibility,
  after: number,
  upTo: number
): Promise<string> {
  const select = `SELECT
      string_agg('{"seq":' || seq || ',"entity":"' || entity || '","data":' || data::text || '}',
        E'\\n' ORDER BY seq) FILTER (WHERE cache_row IS NULL) AS lines,
      string_agg(cache_row, ',' ORDER BY seq) FILTER (WHERE cache_row IS NOT NULL) AS block
    FROM change_log WHERE seq > $1 AND seq <= $2`
  // The same filter as a pull, private rows included: a bulk load must not show an agent what
  // a page-by-page pull would hide.
  const filter = visibilityFilter(visibility, 3)
  const rows = await db.query<{ lines: string | null; block: string | null }>(
    `${select} ${filter.sql}`,
    [after, upTo, ...filter.params]
  )
  const { lines, block } = rows[0] ?? { lines: null, block: null }
  return (lines === null ? '' : `${lines}\n`) + (block === null ? '' : `[${block}]\n`)
}

/**
 * Yields the stream in chunks (see src/shared/sync/bulk-pull.ts): change lines and customer
 * block lines, then a last line `{"cursor":head}`. A stream without that line was cut off.
 *
 * @remarks The head is read first, so `(cursor, head]` is complete; whatever commits later is in
 * the next ordinary pull from `head`.
 */
export async function* bulkChanges(
  db: Queryable,
  claims: AccessClaims,
  cursor: number
): AsyncGenerator<string> {
  const head = await headCursor(db)
  const visibility = visibilityOf(claims)
  for (let after = cursor; after < head; after += SPAN) {
    const text = await readSpan(db, visibility, after, Math.min(after + SPAN, head))
    if (text !== '') yield text
  }
  yield `{"cursor":${Math.max(head, cursor)}}\n`
}
