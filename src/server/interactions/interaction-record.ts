/**
 * `interaction.record`: stores one finished call. The agent and team come from the access token;
 * a customer that no longer exists is dropped from the record rather than losing the call.
 */
import type { Interaction, InteractionRecordArgs } from '@shared/domain/interaction'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'

async function existingCustomer(tx: Queryable, id: string | null): Promise<string | null> {
  if (id === null) return null
  const rows = await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [id])
  return rows[0] ? id : null
}

/** Applies an interaction record inside the caller's transaction. */
export async function applyInteractionRecord(
  tx: Queryable,
  claims: AccessClaims,
  args: InteractionRecordArgs
): Promise<MutationOutcome> {
  // Records are team data; a teamless user's row would be visible to everyone.
  if (claims.teamId === null || claims.role === 'trainer') {
    return rejected('forbidden', 'Only members of a team record production calls')
  }
  const repeat = await repeatOf(tx, 'interactions', args.id, claims.userId, 'An interaction')
  if (repeat) return repeat
  // A colleague call names no customer, whatever the card showed while it was up.
  const customerId = args.party === 'colleague' ? null : await existingCustomer(tx, args.customerId)
  const inserted = await tx.query<{ received_at: Date }>(
    `INSERT INTO interactions (id, call_id, agent_id, team_id, customer_id, direction,
       remote_number, remote_e164, ring_at, answered_at, ended_at, hold_seconds, result, ended_by,
       party, monitored_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)
     RETURNING received_at`,
    [
      args.id,
      args.callId,
      claims.userId,
      claims.teamId,
      customerId,
      args.direction,
      args.remoteNumber,
      args.remoteE164,
      args.ringAt,
      args.answeredAt,
      args.endedAt,
      args.holdSeconds,
      args.result,
      args.endedBy,
      args.party ?? 'customer',
      args.monitoredBy === undefined ? null : JSON.stringify(args.monitoredBy)
    ]
  )
  const interaction = {
    ...args,
    customerId,
    party: args.party ?? 'customer',
    agentId: claims.userId,
    teamId: claims.teamId,
    receivedAt: (inserted[0]?.received_at ?? new Date()).toISOString()
  } satisfies Interaction
  return {
    status: 'applied',
    changes: [
      { entity: 'interaction', entityId: args.id, teamId: claims.teamId, data: interaction }
    ]
  }
}
