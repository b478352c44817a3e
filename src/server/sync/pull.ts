/** Pull: one page of visible changes after a cursor, serialised without re-parsing the rows. */
import type { PullQuery } from '@shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import type { Db } from '../db/db'
import { CHANGES_CHANNEL, pokePayload, readPage, type Poke } from './change-log'
import { PullTail } from './pull-tail'
import { visibilityOf } from './visibility'

const tails = new WeakMap<Db, PullTail>()

/** This instance's in-memory tail of the change log on `db`. */
export function pullTailFor(db: Db): PullTail {
  let tail = tails.get(db)
  if (!tail) {
    tail = new PullTail(db)
    tails.set(db, tail)
  }
  return tail
}

/**
 * After a commit outside the push path (a script published, customers imported): this
 * instance's pull tail learns of it at once, and every instance's clients are poked. Pulls right
 * after would otherwise be answered from a tail up to its refresh age old.
 */
export async function announceChanges(db: Db, poke: Poke): Promise<void> {
  pullTailFor(db).committed(poke.cursor)
  await db.notify(CHANGES_CHANNEL, pokePayload(poke))
}

const PAGE_OPEN = Buffer.from('{"changes":[')
const COMMA = Buffer.from(',')

/**
 * Returns the pull response as UTF-8 JSON (it matches `pullResponseSchema`).
 *
 * @remarks The head is read with the page, in one snapshot: everything up to it is committed, so
 * `(cursor, head]` can never miss a row, and when the page is not full the cursor jumps to the
 * head, skipping changes this caller may not see. Recent cursors (the pulls after a poke) are
 * answered from the instance's in-memory tail of the log instead (see pull-tail), whose rows are
 * already encoded: a page is then one copy of them, not a string to build and encode per pull.
 */
export async function pullChanges(db: Db, claims: AccessClaims, query: PullQuery): Promise<Buffer> {
  const visibility = visibilityOf(claims)
  const recent = await pullTailFor(db).page(visibility, query.cursor, query.limit)
  if (recent) {
    const parts: Buffer[] = [PAGE_OPEN]
    recent.changes.forEach((change, i) => {
      if (i > 0) parts.push(COMMA)
      parts.push(change)
    })
    parts.push(Buffer.from(`],"cursor":${recent.cursor},"hasMore":${recent.hasMore}}`))
    return Buffer.concat(parts)
  }
  const { head, rows } = await readPage(db, visibility, {
    after: query.cursor,
    limit: query.limit + 1
  })
  const hasMore = rows.length > query.limit
  const page = hasMore ? rows.slice(0, query.limit) : rows
  const last = page[page.length - 1]
  const cursor = hasMore && last ? last.seq : Math.max(head, query.cursor)
  const changes = page.map(
    (r) => `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"data":${r.data}}`
  )
  return Buffer.from(`{"changes":[${changes.join(',')}],"cursor":${cursor},"hasMore":${hasMore}}`)
}
