/**
 * Who may evaluate whose call, and with which form: the rules a new evaluation (or a draft moved
 * to another form) must pass. A team lead evaluates agents of their own team, an admin anyone, a
 * trainer practice calls only; quality forms score production calls and training forms practice
 * calls; the form version must be published, not retired, and apply to the agent's team (and to
 * the script the call's run names, when the form lists scripts).
 */
import type { EvaluationSaveArgs } from '@shared/evaluations/evaluation'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import type { CallSummary } from './call-facts'
import { readStoredForm, type StoredForm } from './form-versions'

export interface EvaluatedAgent {
  id: string
  teamId: string | null
}

type Checked<T> = { ok: true; value: T } | { ok: false; refusal: MutationOutcome }
const refuse = <T>(refusal: MutationOutcome): Checked<T> => ({ ok: false, refusal })

/** The caller's role against the kind of call: before anything is read. */
export function roleRefusal(claims: AccessClaims, practice: boolean): MutationOutcome | null {
  if (claims.role === 'agent') return rejected('forbidden', 'Agents do not evaluate calls')
  if (claims.role === 'trainer' && !practice) {
    return rejected('forbidden', 'Trainers evaluate practice calls only')
  }
  if (claims.role === 'team_lead' && practice) {
    return rejected('forbidden', 'Practice calls are evaluated by trainers and admins')
  }
  return null
}

/** The agent whose call it is, when the caller may evaluate them. */
export function evaluatedAgent(
  claims: AccessClaims,
  args: Pick<EvaluationSaveArgs, 'agentId' | 'practice'>,
  call: CallSummary
): Checked<EvaluatedAgent> {
  const agent = call.agent
  if (!agent) return refuse(rejected('not_found', 'No such agent', { agentId: args.agentId }))
  if (agent.id === claims.userId) {
    return refuse(rejected('forbidden', 'Nobody evaluates their own calls'))
  }
  // A production evaluation is private to the agent's team: one outside any team has none.
  if (!args.practice && agent.teamId === null) {
    return refuse(rejected('invalid_argument', 'The agent is in no team', { agentId: agent.id }))
  }
  if (claims.role === 'team_lead' && agent.teamId !== claims.teamId) {
    return refuse(rejected('forbidden', 'Only a lead of the agent’s team evaluates their calls'))
  }
  return { ok: true, value: agent }
}

/**
 * The form version for an evaluation of this kind of call. `isNew`: a new evaluation (or a
 * draft moved to another version) needs a version not retired; a draft kept on its version may
 * be finished after the form was retired.
 */
export async function usableForm(
  tx: Queryable,
  args: Pick<EvaluationSaveArgs, 'formId' | 'formVersion' | 'practice'>,
  isNew: boolean
): Promise<Checked<StoredForm>> {
  const form = await readStoredForm(tx, args.formId, args.formVersion)
  const name = `${args.formId} v${String(args.formVersion)}`
  if (!form) {
    return refuse(
      rejected('not_found', `No form ${name}`, {
        formId: args.formId,
        formVersion: args.formVersion
      })
    )
  }
  if (form.status !== 'published') {
    return refuse(rejected('invalid_argument', `The form ${name} is not published`))
  }
  if (isNew && form.retired) {
    return refuse(rejected('invalid_argument', `The form ${args.formId} is retired`))
  }
  if ((form.kind === 'training') !== args.practice) {
    const message =
      form.kind === 'training'
        ? `The form ${name} scores practice calls; this is a production call`
        : `The form ${name} scores production calls; this is a practice call`
    return refuse(rejected('invalid_argument', message, { kind: form.kind }))
  }
  return { ok: true, value: form }
}

/** The form's scope against the call: the agent's team, and the run's script when it names one. */
export function scopeRefusal(
  form: StoredForm,
  agent: EvaluatedAgent,
  call: CallSummary
): MutationOutcome | null {
  const { teams, scripts } = form.definition.scope
  if (teams.length > 0 && (agent.teamId === null || !teams.includes(agent.teamId))) {
    return rejected('invalid_argument', `The form ${form.formId} does not apply to this team`)
  }
  if (scripts.length > 0 && call.runScriptId !== null && !scripts.includes(call.runScriptId)) {
    return rejected(
      'invalid_argument',
      `The form ${form.formId} does not apply to calls of the script ${call.runScriptId}`
    )
  }
  return null
}

/**
 * The call as the server knows it, checked against what the evaluator says of it: a practice
 * flag the records contradict is refused, and so is an interaction that is not this call's.
 * Returns the interaction to store (the one the server has, when the client had none yet).
 */
export async function checkedInteraction(
  tx: Queryable,
  args: Pick<EvaluationSaveArgs, 'agentId' | 'callId' | 'practice' | 'interactionId'>,
  call: CallSummary
): Promise<Checked<string | null>> {
  if (call.practice !== null && call.practice !== args.practice) {
    const message = call.practice
      ? 'This is a practice call; it is scored with a training form'
      : 'This is a production call; it is scored with a quality form'
    return refuse(rejected('invalid_argument', message, { practice: call.practice }))
  }
  if (args.interactionId === null || args.interactionId === call.interactionId) {
    return { ok: true, value: call.interactionId }
  }
  const rows = await tx.query(
    'SELECT 1 FROM interactions WHERE id = $1 AND agent_id = $2 AND call_id = $3',
    [args.interactionId, args.agentId, args.callId]
  )
  if (rows.length > 0) return { ok: true, value: args.interactionId }
  return refuse(
    rejected('invalid_argument', 'The interaction is not this agent’s record of this call', {
      interactionId: args.interactionId
    })
  )
}

/** A call has at most one evaluation that counts: more evaluators make calibration ones. */
export function secondEvaluation(call: CallSummary): MutationOutcome | null {
  if (call.otherEvaluationId === null) return null
  return rejected(
    'conflict',
    'This call already has an evaluation; another evaluator scores it as a calibration one',
    { evaluationId: call.otherEvaluationId }
  )
}
