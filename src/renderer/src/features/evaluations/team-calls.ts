/**
 * The team's recent calls a lead may score, from the calls this desk holds (its own and, synced
 * by team, the team's): answered customer calls of someone else, newest first, each with its
 * agent's name and the evaluation it already has. Evaluations sorted for the lead: disputed
 * ones first (they wait for the lead), then the newest.
 */
import type { LocalEvaluation, LocalInteraction } from '@shared/contract/worker'
import type { DirectoryUser } from '@shared/domain/configuration'
import type { SessionUser } from '@shared/domain/user'

import { mayEvaluate } from './evaluation-permissions'
import type { ScoringTarget } from './scoring-target'

export interface TeamCall {
  interaction: LocalInteraction
  agentId: string
  agentName: string
  teamId: string | null
  /** The call's evaluation (not a calibration one), if it has one. */
  evaluation: LocalEvaluation | null
  /** This lead's own draft of it, to go on with. */
  myDraft: LocalEvaluation | null
}

/**
 * The agent of a call: the server's copy names them; a call recorded on this desk and not yet
 * back from the server does not (it is this desk's own, never one to score).
 */
export function agentOfCall(call: LocalInteraction): string | null {
  return call.agentId
}

export function teamCalls(
  calls: readonly LocalInteraction[],
  evaluations: readonly LocalEvaluation[],
  users: readonly DirectoryUser[],
  me: Pick<SessionUser, 'id' | 'role' | 'teamId'> | null,
  agentFilter: string | null
): TeamCall[] {
  const usersById = new Map(users.map((u) => [u.id, u]))
  const out: TeamCall[] = []
  for (const call of calls) {
    if (call.result !== 'answered' || call.party === 'colleague') continue
    const agentId = agentOfCall(call)
    if (agentId === null || (agentFilter !== null && agentId !== agentFilter)) continue
    const user = usersById.get(agentId)
    const teamId = user?.teamId ?? null
    if (!mayEvaluate(me, { agentId, teamId, practice: false })) continue
    const ofCall = evaluations.filter((e) => e.callId === call.callId)
    out.push({
      interaction: call,
      agentId,
      agentName: user?.displayName ?? '',
      teamId,
      evaluation:
        ofCall.find((e) => !e.calibration && e.evaluatorId !== me?.id) ??
        ofCall.find((e) => !e.calibration && e.state !== 'draft') ??
        null,
      myDraft: ofCall.find((e) => e.evaluatorId === me?.id && e.state === 'draft') ?? null
    })
  }
  return out.sort((a, b) => b.interaction.ringAt.localeCompare(a.interaction.ringAt))
}

const waitsForLead = (e: LocalEvaluation) => (e.state === 'disputed' ? 0 : 1)

export function sortForLead(evaluations: readonly LocalEvaluation[]): LocalEvaluation[] {
  return [...evaluations].sort(
    (a, b) => waitsForLead(a) - waitsForLead(b) || b.updatedAt.localeCompare(a.updatedAt)
  )
}

/** The agent's own, newest release first, the ones waiting for their answer marked by state. */
export function sortForAgent(evaluations: readonly LocalEvaluation[]): LocalEvaluation[] {
  const at = (e: LocalEvaluation) => e.releasedAt ?? e.updatedAt
  return [...evaluations].sort((a, b) => at(b).localeCompare(at(a)))
}

/** What the scoring view needs of a team call. */
export const targetOfCall = (call: TeamCall): ScoringTarget => ({
  agentId: call.agentId,
  agentName: call.agentName,
  teamId: call.teamId,
  callId: call.interaction.callId,
  interactionId: call.interaction.id,
  practice: false,
  at: call.interaction.ringAt
})
