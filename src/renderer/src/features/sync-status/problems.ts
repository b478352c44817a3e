/**
 * The records that need attention, as the sync bar's list shows them: loaded from the worker
 * when the list is open, and one rejected record discarded at the agent's request.
 */
import type { AppError } from '@shared/contract/errors'
import type { SyncProblem } from '@shared/contract/worker'
import type { MutationName } from '@shared/sync/protocol'
import { dataClient } from '../../data/data-client'

export type ProblemsLoad =
  { kind: 'loaded'; problems: SyncProblem[]; total: number } | { kind: 'failed'; error: AppError }

export async function loadSyncProblems(): Promise<ProblemsLoad | null> {
  const client = dataClient()
  if (!client) return null
  const result = await client.send('sync:problems', {})
  return result.ok
    ? { kind: 'loaded', problems: result.data.problems, total: result.data.total }
    : { kind: 'failed', error: result.error }
}

/** Discards one rejected record; the status and data events refresh the bar and the views. */
export async function discardSyncProblem(mutationId: string): Promise<AppError | null> {
  const client = dataClient()
  if (!client) return null
  const result = await client.send('sync:discard', { mutationId })
  return result.ok ? null : result.error
}

/**
 * The i18n key of what each kind of record is, under `sync.problems.kinds`. A record of a kind
 * this build does not know (an older version's) is shown by its stored name.
 */
const kindKeys: Record<MutationName, string> = {
  'complaint.create': 'complaint',
  'complaint.transition': 'complaintTransition',
  'complaint.note': 'complaintNote',
  'complaint.update': 'complaintUpdate',
  'complaint.escalate': 'complaintEscalation',
  'complaint.assign': 'complaintAssignment',
  'compensation.grant': 'compensation',
  'compensation.decide': 'compensationDecision',
  'customer.create': 'customer',
  'interaction.record': 'call',
  'script_run.record': 'scriptRun',
  'practice_session.record': 'practiceSession',
  'agent_state.record': 'agentState',
  'agent_state.force': 'agentState',
  'disposition.record': 'disposition',
  'callback.schedule': 'callback',
  'callback.complete': 'callbackDone',
  'whisper.send': 'whisper',
  'whisper.acknowledge': 'whisperSeen',
  'evaluation.save': 'evaluation',
  'evaluation.release': 'evaluationRelease',
  'evaluation.acknowledge': 'evaluationAcknowledge',
  'evaluation.dispute': 'evaluationDispute',
  'evaluation.resolve': 'evaluationResolve'
}

function isKnownKind(name: string): name is MutationName {
  return Object.hasOwn(kindKeys, name)
}

export function kindKey(name: string): string | null {
  return isKnownKind(name) ? kindKeys[name] : null
}
