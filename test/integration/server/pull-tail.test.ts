/**
 * The in-memory tail of the change log must answer every pull exactly as the database would:
 * the same changes, in the same order, for every visibility, cursor and page size.
 */
import { randomUUID } from 'node:crypto'

import { expect, it } from 'vitest'

import type { Db } from '@server/db/db'
import {
  appendChanges,
  appendLoggedChanges,
  headCursor,
  readChanges,
  type NewChange,
  type Visibility
} from '@server/sync/change-log'
import { PullTail } from '@server/sync/pull-tail'
import { describeOnEngines } from '@support/engine-suite'

const TEAM_A = randomUUID()
const TEAM_B = randomUUID()
const ANA = randomUUID()
const BRUNO = randomUUID()

function change(i: number): NewChange {
  const kinds: Pick<NewChange, 'teamId' | 'userId'>[] = [
    { teamId: null },
    { teamId: TEAM_A },
    { teamId: TEAM_B },
    { teamId: TEAM_A, userId: ANA },
    { teamId: TEAM_A, userId: BRUNO },
    // Addressed to Ana under another scope (a training evaluation released to a trainee).
    { teamId: TEAM_B, userId: ANA }
  ]
  const scope = kinds[i % kinds.length] ?? { teamId: null }
  return { entity: 'complaint', entityId: randomUUID(), ...scope, data: { n: i } }
}

const visibilities: Visibility[] = [
  { kind: 'all' },
  { kind: 'shared' },
  { kind: 'team', teamId: TEAM_A, userId: ANA, privateRows: 'own' },
  { kind: 'team', teamId: TEAM_A, userId: randomUUID(), privateRows: 'team' },
  { kind: 'team', teamId: TEAM_B, userId: randomUUID(), privateRows: 'own' }
]

describeOnEngines('pull tail on %s', { customers: 0, app: false }, ({ database }) => {
  it('answers every cursor, visibility and page size like the database', async () => {
    const { db } = database
    const tail = new PullTail(db)
    const start = await headCursor(db)
    expect(await tail.page({ kind: 'all' }, start, 10)).toEqual({
      changes: [],
      cursor: start,
      hasMore: false
    })
    for (let batch = 0; batch < 6; batch++) {
      const changes = Array.from({ length: 17 }, (_, i) => change(batch * 17 + i))
      const last = await db.transaction((tx) => appendChanges(tx, changes))
      tail.committed(last)
    }
    const head = await headCursor(db)
    const ana = { kind: 'team', teamId: TEAM_A, userId: ANA, privateRows: 'own' } as const
    const anaRows = await readChanges(db, ana, { after: start, upTo: head, limit: 1000 })
    expect(anaRows.some((r) => (JSON.parse(r.data) as { n: number }).n % 6 === 5)).toBe(true)
    expect(anaRows.some((r) => (JSON.parse(r.data) as { n: number }).n % 6 === 2)).toBe(false)
    for (const visibility of visibilities) {
      const expected = (
        await readChanges(db, visibility, { after: start, upTo: head, limit: 1000 })
      ).map((r) => r.seq)
      for (const limit of [1, 7, 1000]) {
        for (const from of [start, start + 5, start + 50, head]) {
          const seen: number[] = []
          let cursor = from
          for (;;) {
            const page = await tail.page(visibility, cursor, limit)
            expect(page).not.toBeNull()
            if (!page) break
            seen.push(...page.changes.map((c) => (JSON.parse(c.toString()) as { seq: number }).seq))
            expect(page.cursor).toBeGreaterThanOrEqual(cursor)
            cursor = page.cursor
            if (!page.hasMore) break
          }
          expect(cursor).toBe(head)
          expect(seen).toEqual(expected.filter((seq) => seq > from))
        }
      }
    }
    // A cursor the log has not reached (another server's future): the database answers.
    expect(await tail.page({ kind: 'all' }, head + 1000, 10)).toBeNull()
    await tail.stop()
  })

  it('adds its own commits without a query and reads the ones it did not make', async () => {
    let queries = 0
    const counted: Db = {
      kind: database.db.kind,
      query: (sql, params) => {
        queries++
        return database.db.query(sql, params)
      },
      transaction: (fn) => database.db.transaction(fn),
      listen: (channel, callback) => database.db.listen(channel, callback),
      notify: (channel, payload) => database.db.notify(channel, payload),
      close: () => database.db.close()
    }
    // A frozen clock: the tail refreshes only when it learns of a commit it does not hold.
    const tail = new PullTail(counted, () => 0)
    const start = await headCursor(database.db)
    await tail.page({ kind: 'all' }, start, 10)
    const ownCommit = async (from: number) => {
      const changes = Array.from({ length: 9 }, (_, i) => change(from + i))
      const { logged } = await database.db.transaction((tx) => appendLoggedChanges(tx, changes))
      tail.appendCommitted(logged)
    }
    await ownCommit(0)
    const before = queries
    const page = await tail.page({ kind: 'all' }, start, 100)
    expect(queries).toBe(before)
    expect(page?.changes).toHaveLength(9)
    // Another writer commits first; this instance's next commit does not continue the tail.
    await database.db.transaction((tx) => appendChanges(tx, [change(100), change(101)]))
    await ownCommit(200)
    const head = await headCursor(database.db)
    for (const visibility of visibilities) {
      const expected = await readChanges(database.db, visibility, {
        after: start,
        upTo: head,
        limit: 1000
      })
      const answered = await tail.page(visibility, start, 1000)
      expect(answered?.cursor).toBe(head)
      expect(answered?.changes.map((c) => JSON.parse(c.toString()) as unknown)).toEqual(
        expected.map((r) => ({ seq: r.seq, entity: r.entity, data: JSON.parse(r.data) as unknown }))
      )
    }
    expect(queries).toBeGreaterThan(before)
    await tail.stop()
  })
})
