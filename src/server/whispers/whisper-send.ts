/**
 * `whisper.send`: a lead of the agent's team (or an admin) whispers to the agent. The lead comes
 * from the access token, the team from the agent's row; nobody else may whisper, and a whisper to
 * someone outside any team has nobody to be private to. Each send is audited.
 */
import type { WhisperSendArgs } from '@shared/domain/whisper'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'
import { readWhisper, whisperChange } from './whisper-rows'

export async function applyWhisperSend(
  tx: Queryable,
  claims: AccessClaims,
  args: WhisperSendArgs
): Promise<MutationOutcome> {
  if (claims.role !== 'team_lead' && claims.role !== 'admin') {
    return rejected('forbidden', 'Only team leads and admins whisper to agents')
  }
  const repeat = await repeatOf(tx, 'whispers', args.id, claims.userId, 'A whisper')
  if (repeat) return repeat
  const agents = await tx.query<{ team_id: string | null }>(
    'SELECT team_id FROM users WHERE id = $1',
    [args.agentId]
  )
  const agent = agents[0]
  if (!agent) return rejected('not_found', 'No such agent', { agentId: args.agentId })
  if (agent.team_id === null) {
    return rejected('invalid_argument', 'The agent is in no team', { agentId: args.agentId })
  }
  if (claims.role === 'team_lead' && agent.team_id !== claims.teamId) {
    return rejected('forbidden', 'Only a lead of the agent’s team whispers to them')
  }
  await tx.query(
    `INSERT INTO whispers (id, agent_id, team_id, lead_id, call_id, kind, text, jump_id,
       jump_label, answers_hand, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      args.id,
      args.agentId,
      agent.team_id,
      claims.userId,
      args.callId,
      args.kind,
      args.text,
      args.jumpId,
      args.jumpLabel,
      args.answersHand,
      args.sentAt
    ]
  )
  await writeAudit(tx, {
    action: 'whisper.sent',
    actorId: claims.userId,
    target: args.id,
    details: {
      agentId: args.agentId,
      callId: args.callId,
      kind: args.kind,
      answersHand: args.answersHand
    }
  })
  const whisper = await readWhisper(tx, args.id)
  if (!whisper) throw new Error(`whisper ${args.id} vanished after insert`)
  return { status: 'applied', changes: [whisperChange(whisper)] }
}
