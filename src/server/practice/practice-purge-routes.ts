/**
 * `POST /api/practice/purge`: a trainer or admin removes every practice record (see
 * src/shared/practice/practice-purge.ts). One transaction deletes the rows, the practice scope's
 * change-log rows that carried them (so no desk ever pulls them again), writes the audit row and
 * the tombstone every desk pulls to drop what it has; then every desk is poked.
 */
import { randomUUID } from 'node:crypto'

import {
  PRACTICE_PURGE_PATH,
  PURGED_ENTITIES,
  practicePurgeResultSchema,
  type PracticePurgeResult
} from '@shared/practice/practice-purge'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { claimsOf, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import { appendChanges } from '../sync/change-log'
import { announceChanges, pullTailFor } from '../sync/pull'
import { PRACTICE_SCOPE_ID } from '../sync/visibility'

/** Deletes with `sql` (a DELETE … RETURNING 1) and counts the rows. */
async function removed(tx: Queryable, sql: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH gone AS (${sql}) SELECT COUNT(*)::int AS n FROM gone`
  )
  return rows[0]?.n ?? 0
}

async function purgePracticeRecords(tx: Queryable): Promise<PracticePurgeResult['removed']> {
  const practiceComplaints = 'SELECT id FROM complaints WHERE practice'
  // Timelines first: they point at the complaints and at their compensations.
  const complaintEvents = await removed(
    tx,
    `DELETE FROM complaint_events WHERE complaint_id IN (${practiceComplaints}) RETURNING 1`
  )
  const compensations = await removed(tx, 'DELETE FROM compensations WHERE practice RETURNING 1')
  const complaints = await removed(tx, 'DELETE FROM complaints WHERE practice RETURNING 1')
  const dispositions = await removed(tx, 'DELETE FROM dispositions WHERE practice RETURNING 1')
  const callbacks = await removed(tx, 'DELETE FROM callbacks WHERE practice RETURNING 1')
  const scriptRuns = await removed(tx, 'DELETE FROM script_runs WHERE practice RETURNING 1')
  await tx.query('DELETE FROM change_log WHERE team_id = $1 AND entity = ANY($2::text[])', [
    PRACTICE_SCOPE_ID,
    `{${PURGED_ENTITIES.join(',')}}`
  ])
  return { complaints, complaintEvents, compensations, dispositions, callbacks, scriptRuns }
}

export function registerPracticePurgeRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    PRACTICE_PURGE_PATH,
    {
      onRequest: requireRole(
        ctx.tokens,
        ['trainer', 'admin'],
        'Only trainers and admins purge practice data'
      ),
      schema: {
        tags: ['practice'],
        description: 'Removes every practice record; every desk drops its copies',
        response: { 200: practicePurgeResultSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const purge = {
        id: randomUUID(),
        purgedAt: new Date().toISOString(),
        purgedBy: claims.userId
      }
      const done = await ctx.db.transaction(async (tx) => {
        const counts = await purgePracticeRecords(tx)
        await writeAudit(tx, {
          action: 'practice.purged',
          actorId: claims.userId,
          target: purge.id,
          ip: request.ip,
          details: counts
        })
        // Shared: every desk may hold practice rows (trainees their own, trainers all of them).
        const cursor = await appendChanges(tx, [
          { entity: 'practice_purge', entityId: purge.id, teamId: null, data: purge }
        ])
        return { counts, cursor }
      })
      // The purged rows may still be in this instance's tail: the next pull reads the log.
      pullTailFor(ctx.db).forget()
      await announceChanges(ctx.db, { cursor: done.cursor, teams: [null] })
      return { purge, removed: done.counts }
    }
  )
}
