/**
 * `disposition.record`: the wrap-up code of one call. The agent and team come from the access
 * token. A production disposition names the caller's own interaction record (pushed before it
 * from the same outbox) and is private to the agent and the team's leads; a practice one has no
 * interaction and goes to the practice scope, so practice never mixes with production. One per
 * call: another id for the same call is a conflict.
 */
import type { Disposition, DispositionRecordArgs } from '@shared/domain/disposition'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { recordScope } from '../sync/visibility'
import { knownCustomerId, rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'
import { practiceMarkRefusal } from '../practice/practice-refusal'

async function refusal(
  tx: Queryable,
  claims: AccessClaims,
  args: DispositionRecordArgs
): Promise<MutationOutcome | null> {
  const marked = practiceMarkRefusal(args)
  if (marked) return marked
  if (!args.practice && (claims.teamId === null || claims.role === 'trainer')) {
    return rejected('forbidden', 'Only members of a team record dispositions of production calls')
  }
  // Retired codes stay valid: a call wrapped up offline may use one retired since.
  const code = await tx.query('SELECT 1 FROM disposition_codes WHERE code = $1', [args.code])
  if (code.length === 0) {
    return rejected('invalid_argument', `Unknown disposition code ${args.code}`, {
      code: args.code
    })
  }
  if (args.interactionId !== null) {
    const call = await tx.query<{ agent_id: string }>(
      'SELECT agent_id FROM interactions WHERE id = $1',
      [args.interactionId]
    )
    if (call[0]?.agent_id !== claims.userId) {
      return rejected('not_found', 'The call this disposition is for is not one of yours', {
        interactionId: args.interactionId
      })
    }
  }
  const taken = await tx.query('SELECT 1 FROM dispositions WHERE agent_id = $1 AND call_id = $2', [
    claims.userId,
    args.callId
  ])
  if (taken.length > 0) return rejected('conflict', 'This call already has a disposition')
  return null
}

export async function applyDispositionRecord(
  tx: Queryable,
  claims: AccessClaims,
  args: DispositionRecordArgs
): Promise<MutationOutcome> {
  const repeat = await repeatOf(tx, 'dispositions', args.id, claims.userId, 'A disposition')
  if (repeat) return repeat
  const refused = await refusal(tx, claims, args)
  if (refused) return refused
  const customerId = await knownCustomerId(tx, args.customerId)
  const teamId = claims.role === 'trainer' ? null : claims.teamId
  const inserted = await tx.query<{ received_at: Date }>(
    `INSERT INTO dispositions (id, call_id, interaction_id, practice, agent_id, team_id, code, note,
       customer_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING received_at`,
    [
      args.id,
      args.callId,
      args.interactionId,
      args.practice,
      claims.userId,
      teamId,
      args.code,
      args.note,
      customerId,
      args.recordedAt
    ]
  )
  const disposition = {
    ...args,
    customerId,
    agentId: claims.userId,
    teamId,
    receivedAt: (inserted[0]?.received_at ?? new Date()).toISOString()
  } satisfies Disposition
  return {
    status: 'applied',
    changes: [
      {
        entity: 'disposition',
        entityId: args.id,
        ...recordScope(claims, args.practice, true),
        data: disposition
      }
    ]
  }
}
