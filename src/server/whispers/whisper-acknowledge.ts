/**
 * `whisper.acknowledge`: the agent saw the whisper ("Entendido"). Only the whisper's agent may;
 * acknowledging it again changes nothing and keeps the first time.
 */
import type { WhisperAcknowledgeArgs } from '@shared/domain/whisper'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { readWhisper, whisperChange } from './whisper-rows'

export async function applyWhisperAcknowledge(
  tx: Queryable,
  claims: AccessClaims,
  args: WhisperAcknowledgeArgs
): Promise<MutationOutcome> {
  const whisper = await readWhisper(tx, args.id)
  // Someone else's whisper is reported as unknown: its existence is not theirs to learn.
  if (!whisper || whisper.agentId !== claims.userId) {
    return rejected('not_found', 'No such whisper among yours', { id: args.id })
  }
  if (whisper.acknowledgedAt !== null) return { status: 'applied', changes: [] }
  await tx.query('UPDATE whispers SET acknowledged_at = $2 WHERE id = $1', [
    args.id,
    args.acknowledgedAt
  ])
  const seen = await readWhisper(tx, args.id)
  if (!seen) throw new Error(`whisper ${args.id} vanished after update`)
  return { status: 'applied', changes: [whisperChange(seen)] }
}
