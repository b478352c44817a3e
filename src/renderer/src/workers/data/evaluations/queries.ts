/** Reading evaluations from the local store: one, the lists, and the agent's badge. */
import type { Database } from 'sql.js'

import type { EvaluationListQuery, LocalEvaluation } from '@shared/contract/worker'

import { asNumber, queryAll, queryOne } from '../store/sql'
import { EVALUATION_COLUMNS, toLocalEvaluation, type Me } from './codec'
import { personOf } from './rebase'
import { SELF } from './steps'

/** This desk's user, named as the directory names them (for the steps written here). */
export function meOf(db: Database, userId: string): Me {
  return { id: userId, name: personOf(db, userId).name }
}

export function getEvaluation(db: Database, id: string, me: Me): LocalEvaluation | null {
  const row = queryOne(db, `SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE id = ?`, [id])
  return row ? toLocalEvaluation(row, me) : null
}

/** Newest first (by `updatedAt`), narrowed by `query`. */
export function listEvaluations(
  db: Database,
  query: EvaluationListQuery,
  me: Me
): LocalEvaluation[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (query.agentId !== null) {
    where.push('agent_id = ?')
    params.push(query.agentId)
  }
  if (query.callId !== null) {
    where.push('call_id = ?')
    params.push(query.callId)
  }
  if (query.evaluatedByMe) {
    // A draft created here carries no evaluator id until the server's version comes back.
    where.push('evaluator_id IN (?, ?)')
    params.push(me.id, SELF)
  }
  if (query.states !== null) {
    where.push(`state IN (${query.states.map(() => '?').join(', ')})`)
    params.push(...query.states)
  }
  if (!query.includeCalibration) where.push('calibration = 0')
  if (query.kind !== null) {
    where.push('kind = ?')
    params.push(query.kind)
  }
  return queryAll(
    db,
    `SELECT ${EVALUATION_COLUMNS} FROM evaluations
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, id LIMIT ?`,
    [...params, query.limit]
  ).map((row) => toLocalEvaluation(row, me))
}

/** Released to `agentId` and not yet acknowledged or disputed (as shown here). */
export function awaitingCount(db: Database, agentId: string): number {
  return asNumber(
    queryOne(
      db,
      "SELECT COUNT(*) AS n FROM evaluations WHERE agent_id = ? AND state = 'released'",
      [agentId]
    )?.['n']
  )
}
