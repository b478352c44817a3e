/**
 * The recent end of the change log, kept in memory by each server instance so that pulls after
 * a poke (every agent of a team, every second) are answered without a query each.
 *
 * @remarks
 * The tail holds every change with `start < seq <= end`, read from the database in one
 * statement together with the head, so it is complete for that range (sequence numbers become
 * visible in order; see change-log). A pull whose cursor falls inside it is answered from it,
 * filtered by visibility exactly like the SQL, with `end` as the head. This instance's own push
 * batches hand it their changes at commit (`appendCommitted`), which it takes when they continue
 * what it holds. Otherwise it is refreshed (one query, shared by the pulls waiting for it) when
 * this instance learns of a newer commit — a batch that did not continue it, and every
 * instance's NOTIFY — or when it is older than {@link MAX_AGE_MS}, so a missed notification
 * delays a pull by at most that long. Pulls outside it go to the database.
 */
import type { Db, Queryable, Unlisten } from '../db/db'
import {
  CHANGES_CHANNEL,
  parsePokePayload,
  type ChangeEntity,
  type LoggedChange,
  type Visibility
} from './change-log'

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
  teamId: string | null
  userId: string | null
  /** The change as the pull sends it, encoded once for every pull that sends it. */
  json: Buffer
}

export interface TailPage {
  /** Each change as UTF-8 JSON (an element of `pullResponseSchema.changes`). */
  changes: Buffer[]
  cursor: number
  hasMore: boolean
}

function tailRow(change: LoggedChange): TailRow {
  const json = `{"seq":${change.seq},"entity":${JSON.stringify(change.entity)},"data":${change.data}}`
  return {
    seq: change.seq,
    teamId: change.teamId,
    userId: change.userId,
    json: Buffer.from(json)
  }
}

function visible(row: TailRow, visibility: Visibility): boolean {
  switch (visibility.kind) {
    case 'all':
      return true
    case 'shared':
      return row.teamId === null
    case 'team':
      // Addressed to the caller: theirs wherever it lies (change-log.ts `visibilityFilter`).
      if (row.userId === visibility.userId) return true
      if (row.teamId !== null && row.teamId !== visibility.teamId) return false
      return visibility.privateRows === 'team' || row.userId === null
  }
}

/** The index of the first row with seq > cursor (rows are in seq order). */
function indexAfter(rows: readonly TailRow[], cursor: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((rows[mid]?.seq ?? Infinity) <= cursor) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class PullTail {
  /** Every row held, in seq order. */
  private rows: TailRow[] = []
  /** The same rows by team: shared rows (no team) and each team's, each list in seq order. */
  private shared: TailRow[] = []
  private teams = new Map<string, TailRow[]>()
  /** The rows addressed to one user, by user, each list in seq order (also in their team's). */
  private users = new Map<string, TailRow[]>()
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
   * Changes this instance has just committed, in seq order and consecutive. When they continue
   * the tail they are added at once, so the pulls that follow a push need no query; otherwise
   * (another instance committed in between) the next refresh reads them with the rest.
   */
  appendCommitted(changes: readonly LoggedChange[]): void {
    const last = changes.at(-1)
    if (!last) return
    this.committed(last.seq)
    if (this.end < 0 || changes[0]?.seq !== this.end + 1) return
    for (const change of changes) this.add(tailRow(change))
    this.head = Math.max(this.head, this.end)
    this.trim()
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
    const changes: Buffer[] = []
    let last = cursor
    for (const row of this.candidates(visibility, cursor)) {
      if (!visible(row, visibility)) continue
      if (changes.length === limit) return { changes, cursor: last, hasMore: true }
      changes.push(row.json)
      last = row.seq
    }
    return { changes, cursor: this.end, hasMore: this.end < this.head }
  }

  /**
   * Drops every row held, so the next page reads the log again: after rows were deleted from
   * it (a practice purge), none is served from memory. Another server instance's tail lets them
   * go within {@link MAX_AGE_MS}; a desk pulling them then pulls the tombstone right after.
   */
  forget(): void {
    this.rows = []
    this.shared = []
    this.teams = new Map()
    this.users = new Map()
    this.start = -1
    this.end = -1
    this.head = -1
  }

  async stop(): Promise<void> {
    const unlisten = await this.unlisten
    this.unlisten = null
    await unlisten?.()
  }

  /**
   * The rows after `cursor` that `visibility` may see, and perhaps a few private rows it may
   * not, in seq order: for a team, its rows merged with the shared ones and those addressed to
   * the caller, so a pull never walks the other teams' rows.
   */
  private *candidates(visibility: Visibility, cursor: number): Generator<TailRow> {
    if (visibility.kind === 'all') {
      for (let i = indexAfter(this.rows, cursor); i < this.rows.length; i++) {
        const row = this.rows[i]
        if (row) yield row
      }
      return
    }
    const lists =
      visibility.kind === 'team'
        ? [
            this.shared,
            this.teams.get(visibility.teamId) ?? [],
            this.users.get(visibility.userId) ?? []
          ]
        : [this.shared]
    const at = lists.map((list) => indexAfter(list, cursor))
    let last = cursor
    for (;;) {
      // The lowest next row of the lists; a row in two of them (the caller's own row in their
      // team) is given once.
      let pick = -1
      for (let k = 0; k < lists.length; k++) {
        const row = lists[k]?.[at[k] ?? 0]
        const best = lists[pick]?.[at[pick] ?? 0]
        if (row && (!best || row.seq < best.seq)) pick = k
      }
      const row = lists[pick]?.[at[pick] ?? 0]
      if (!row) return
      at[pick] = (at[pick] ?? 0) + 1
      if (row.seq <= last) continue
      last = row.seq
      yield row
    }
  }

  private add(row: TailRow): void {
    this.rows.push(row)
    if (row.teamId === null) this.shared.push(row)
    else {
      const team = this.teams.get(row.teamId)
      if (team) team.push(row)
      else this.teams.set(row.teamId, [row])
      if (row.userId !== null) {
        const user = this.users.get(row.userId)
        if (user) user.push(row)
        else this.users.set(row.userId, [row])
      }
    }
    this.end = row.seq
  }

  /** Drops the oldest rows beyond {@link MAX_ROWS}; their pulls go to the database. */
  private trim(): void {
    if (this.rows.length <= MAX_ROWS) return
    const dropped = this.rows.splice(0, this.rows.length - MAX_ROWS)
    this.start = dropped.at(-1)?.seq ?? this.start
    this.shared.splice(0, indexAfter(this.shared, this.start))
    for (const [teamId, rows] of this.teams) {
      rows.splice(0, indexAfter(rows, this.start))
      if (rows.length === 0) this.teams.delete(teamId)
    }
    for (const [userId, rows] of this.users) {
      rows.splice(0, indexAfter(rows, this.start))
      if (rows.length === 0) this.users.delete(userId)
    }
  }

  private listen(): void {
    this.unlisten ??= this.db
      .listen(CHANGES_CHANNEL, (payload) => {
        const poke = parsePokePayload(payload)
        if (poke) this.committed(poke.cursor)
      })
      .catch(() => null)
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.read(this.db)
      .catch(() => {
        // Unreadable now: answer from the database until a refresh succeeds.
        this.start = -1
        this.end = -1
        this.rows = []
        this.shared = []
        this.teams = new Map()
        this.users = new Map()
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
      // Added meanwhile by this instance's own commit (appendCommitted).
      if (r.seq <= this.end) continue
      this.add(
        tailRow({
          seq: r.seq,
          entity: r.entity,
          teamId: r.team_id,
          userId: r.user_id,
          data: r.data
        })
      )
    }
    // A page that was not full reached the head.
    if (rows.length < REFRESH_LIMIT) this.end = Math.max(this.end, head)
    this.head = Math.max(this.head, head)
    this.committed(head)
    this.refreshedAt = startedAt
    this.trim()
  }
}
