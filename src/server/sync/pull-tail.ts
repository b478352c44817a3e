/**
 * The recent end of the change log, kept in memory by each server instance so that pulls after
 * a poke (every agent of a team, every second) are answered without a query each.
 *
 * @remarks
 * The tail holds every change with `start < seq <= end`, read from the database in one
 * statement together with the head, so it is complete for that range (sequence numbers become
 * visible in order; see change-log). A pull whose cursor falls inside it is answered from it,
 * filtered by visibility exactly like the SQL, with `end` as the head. The tail is refreshed
 * (one query, shared by the pulls waiting for it) when this instance learns of a newer commit —
 * its own pushes, and every instance's NOTIFY — or when it is older than {@link MAX_AGE_MS}, so
 * a missed notification delays a pull by at most that long. Pulls outside it go to the database.
 */
import type { Db, Queryable, Unlisten } from '../db/db'
import { CHANGES_CHANNEL, parsePokePayload, type ChangeEntity, type Visibility } from './change-log'

/** Rows kept; older ones are dropped (their pulls go to the database). */
const MAX_ROWS = 50_000
/**
 * Rows read per refresh (and read back from the head on the first one); a bigger gap (a bulk
 * import) is read over several refreshes.
 */
const REFRESH_LIMIT = 10_000
const MAX_AGE_MS = 200

interface TailRow {
  seq: number
  entity: ChangeEntity
  teamId: string | null
  userId: string | null
  /** The change as the pull serialises it. */
  json: string
}

export interface TailPage {
  /** Each change as JSON text (an element of `pullResponseSchema.changes`). */
  changes: string[]
  cursor: number
  hasMore: boolean
}

function visible(row: TailRow, visibility: Visibility): boolean {
  switch (visibility.kind) {
    case 'all':
      return true
    case 'shared':
      return row.teamId === null
    case 'team':
      if (row.teamId !== null && row.teamId !== visibility.teamId) return false
      return (
        visibility.privateRows === 'team' || row.userId === null || row.userId === visibility.userId
      )
  }
}

export class PullTail {
  private rows: TailRow[] = []
  /** Every change with start < seq <= end is in `rows`; -1 until the first refresh. */
  private start = -1
  private end = -1
  /** The newest head the last refresh saw. */
  private head = -1
  private refreshedAt = 0
  /** The newest committed sequence this instance has heard of. */
  private known = 0
  private refreshing: Promise<void> | null = null
  private unlisten: Promise<Unlisten | null> | null = null

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now
  ) {}

  /** Something up to `cursor` is committed (this instance's push, another's NOTIFY). */
  committed(cursor: number): void {
    if (cursor > this.known) this.known = cursor
  }

  /**
   * A page of visible changes after `cursor`, or null when the tail cannot answer (the cursor
   * is older than what it holds, or it could not be read) and the database must.
   */
  async page(visibility: Visibility, cursor: number, limit: number): Promise<TailPage | null> {
    this.listen()
    if (this.end < 0 || this.end < this.known || this.now() - this.refreshedAt > MAX_AGE_MS) {
      await this.refresh()
    }
    if (this.start < 0 || cursor < this.start || cursor > this.end) return null
    const changes: string[] = []
    let last = cursor
    for (let i = this.indexAfter(cursor); i < this.rows.length; i++) {
      const row = this.rows[i]
      if (row === undefined || !visible(row, visibility)) continue
      if (changes.length === limit) return { changes, cursor: last, hasMore: true }
      changes.push(row.json)
      last = row.seq
    }
    return { changes, cursor: this.end, hasMore: this.end < this.head }
  }

  async stop(): Promise<void> {
    const unlisten = await this.unlisten
    this.unlisten = null
    await unlisten?.()
  }

  private listen(): void {
    this.unlisten ??= this.db
      .listen(CHANGES_CHANNEL, (payload) => {
        const poke = parsePokePayload(payload)
        if (poke) this.committed(poke.cursor)
      })
      .catch(() => null)
  }

  /** The index of the first row with seq > cursor (rows are in seq order). */
  private indexAfter(cursor: number): number {
    let lo = 0
    let hi = this.rows.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.rows[mid]?.seq ?? Infinity) <= cursor) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.read(this.db)
      .catch(() => {
        // Unreadable now: answer from the database until a refresh succeeds.
        this.start = -1
        this.end = -1
        this.rows = []
      })
      .finally(() => {
        this.refreshing = null
      })
    return this.refreshing
  }

  private async read(db: Queryable): Promise<void> {
    const startedAt = this.now()
    const after = this.end < 0 ? null : this.end
    const rows = await db.query<{
      head: number
      seq: number | null
      entity: ChangeEntity | null
      team_id: string | null
      user_id: string | null
      data: string | null
    }>(
      `SELECT h.seq AS head, c.seq, c.entity, c.team_id, c.user_id, c.data
       FROM change_log_head h
       LEFT JOIN LATERAL (
         SELECT seq, entity, team_id, user_id, data::text AS data FROM change_log
         WHERE seq > COALESCE($1::bigint, h.seq - $2) AND seq <= h.seq
         ORDER BY seq LIMIT $2
       ) c ON true
       WHERE h.id = 1
       ORDER BY c.seq`,
      [after, REFRESH_LIMIT]
    )
    const head = rows[0]?.head ?? 0
    // The first read also takes the latest changes before the head, so clients a little behind
    // (those that just pushed, or were poked a moment ago) are answered from memory at once.
    if (after === null) {
      this.start = Math.max(0, head - REFRESH_LIMIT)
      this.end = this.start
    }
    for (const r of rows) {
      if (r.seq === null || r.entity === null || r.data === null) continue
      this.rows.push({
        seq: r.seq,
        entity: r.entity,
        teamId: r.team_id,
        userId: r.user_id,
        json: `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"data":${r.data}}`
      })
      this.end = r.seq
    }
    // A page that was not full reached the head.
    if (rows.length < REFRESH_LIMIT) this.end = Math.max(this.end, head)
    this.head = head
    this.committed(head)
    this.refreshedAt = startedAt
    if (this.rows.length > MAX_ROWS) {
      const dropped = this.rows.splice(0, this.rows.length - MAX_ROWS)
      this.start = dropped.at(-1)?.seq ?? this.start
    }
  }
}
