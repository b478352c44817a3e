/**
 * What the person may do with an evaluation, as the server enforces it (the page only hides what
 * would be refused; the server decides): who scores a call, who answers a released evaluation,
 * who resolves a dispute.
 */
import type { Evaluation } from '@shared/evaluations/evaluation'
import type { SessionUser } from '@shared/domain/user'

type Me = Pick<SessionUser, 'id' | 'role' | 'teamId'>

/** A call someone might score: whose it is and whether it was practice. */
export interface ScorableCall {
  agentId: string
  /** The agent's team, when known. */
  teamId: string | null
  practice: boolean
}

/**
 * Leads score production calls of agents of their own team, admins any call, trainers practice
 * calls only (with a training form). Nobody scores their own call.
 */
export function mayEvaluate(me: Me | null, call: ScorableCall): boolean {
  if (me === null || call.agentId === me.id) return false
  switch (me.role) {
    case 'admin':
      return true
    case 'trainer':
      return call.practice
    case 'team_lead':
      return !call.practice && (call.teamId === null || call.teamId === me.teamId)
    case 'agent':
      return false
  }
}

/** Only the evaluator edits, and only a draft. */
export const mayEdit = (me: Me | null, e: Evaluation): boolean =>
  me !== null && e.evaluatorId === me.id && e.state === 'draft'

/** The agent (only) accepts or disputes a released evaluation. */
export const mayRespond = (me: Me | null, e: Evaluation): boolean =>
  me !== null && e.agentId === me.id && e.state === 'released'

/**
 * A dispute is answered by its evaluator, a lead of the agent's team, an admin, or (training
 * evaluations) a trainer.
 */
export function mayResolve(me: Me | null, e: Evaluation): boolean {
  if (me === null || e.state !== 'disputed') return false
  if (e.evaluatorId === me.id || me.role === 'admin') return true
  if (me.role === 'team_lead') return e.teamId !== null && e.teamId === me.teamId
  return me.role === 'trainer' && e.kind === 'training'
}

/** What the read view offers this person under the score, if anything. */
export function controlsFor(
  me: Me | null,
  e: Evaluation
): 'respond' | 'resolve' | 'continue' | null {
  if (mayResolve(me, e)) return 'resolve'
  if (mayRespond(me, e)) return 'respond'
  return mayEdit(me, e) ? 'continue' : null
}
