/**
 * The evaluation steps, journaled through the store for sync. Each refuses at once what the
 * server would refuse and this desk can already tell (the wrong person, the wrong state, an
 * incomplete release, a form it does not have); the server decides everything again.
 */
import { appError } from '@shared/contract/errors'
import type { LocalEvaluation } from '@shared/contract/worker'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type {
  EvaluationSaveInput,
  EvaluationState,
  PublishedForm,
  ResolveDecision
} from '@shared/evaluations/evaluation'
import { questionsOf, type FormDefinition } from '@shared/evaluations/form-schema'
import { incompleteAnswers } from '@shared/evaluations/scoring'
import type { Role } from '@shared/domain/user'

import { workerError, WorkerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { queryOne } from '../store/sql'
import { publishedForm } from './forms'
import { getEvaluation, meOf } from './queries'
import { personOf } from './rebase'

/** Who is writing: the session's user and role. */
export interface EvaluationActor {
  userId: string
  role: Role
}

const stateNames: Record<EvaluationState, string> = {
  draft: 'a draft',
  submitted: 'submitted for calibration',
  released: 'released to the agent',
  acknowledged: 'acknowledged',
  disputed: 'disputed',
  resolved: 'resolved'
}

function current(store: LocalStore, id: string, actor: EvaluationActor): LocalEvaluation {
  const evaluation = getEvaluation(store.db, id, meOf(store.db, actor.userId))
  if (evaluation === null) throw workerError('not_found', 'No such evaluation on this desk')
  return evaluation
}

function requireState(evaluation: LocalEvaluation, state: EvaluationState, what: string): void {
  if (evaluation.state !== state) {
    throw workerError(
      'conflict',
      `Only an evaluation ${stateNames[state]} can be ${what}; this one is ${stateNames[evaluation.state]}`
    )
  }
}

function requireForm(store: LocalStore, formId: string, version: number): PublishedForm {
  const form = publishedForm(store.db, formId, version)
  if (form === null) {
    throw workerError(
      'not_found',
      `This desk does not have version ${String(version)} of the form ${formId}; sync and try again`
    )
  }
  return form
}

/** An incomplete release or re-score, naming each question and what it lacks (as the server). */
function requireComplete(form: FormDefinition, answers: readonly EvaluationAnswer[]): void {
  const incomplete = incompleteAnswers(form, answers)
  if (incomplete.length === 0) return
  const questionIds = incomplete.map((i) => i.questionId)
  throw new WorkerError(
    appError('invalid_argument', `Some questions are not complete: ${questionIds.join(', ')}`, {
      questionIds,
      incomplete
    })
  )
}

function requireKnownQuestions(form: FormDefinition, answers: readonly EvaluationAnswer[]): void {
  const known = new Set(questionsOf(form).map(({ question }) => question.id))
  const questionIds = answers.map((a) => a.questionId).filter((id) => !known.has(id))
  if (questionIds.length > 0) {
    throw new WorkerError(
      appError(
        'invalid_argument',
        `The form ${form.id} has no question ${questionIds.join(', ')}`,
        {
          questionIds
        }
      )
    )
  }
}

/**
 * Who may score this agent's call with this form, as far as this desk knows the agent's team
 * (the server checks the call and its script run too).
 */
function requireMayEvaluate(input: EvaluationSaveInput, actor: EvaluationActor): void {
  if (actor.role === 'agent') throw workerError('forbidden', 'Agents do not evaluate calls')
  if (actor.role === 'trainer' && !input.practice) {
    throw workerError('forbidden', 'Trainers evaluate practice calls only')
  }
  if (actor.role === 'team_lead' && input.practice) {
    throw workerError('forbidden', 'Practice calls are evaluated by trainers and admins')
  }
  if (input.agentId === actor.userId) {
    throw workerError('forbidden', 'Nobody evaluates their own calls')
  }
}

/** The form against the call and the agent's team. */
function requireFormFits(
  store: LocalStore,
  input: EvaluationSaveInput,
  form: PublishedForm,
  actor: EvaluationActor
): void {
  const name = `${form.formId} v${String(form.version)}`
  if (form.retired) throw workerError('invalid_argument', `The form ${form.formId} is retired`)
  if ((form.kind === 'training') !== input.practice) {
    throw workerError(
      'invalid_argument',
      form.kind === 'training'
        ? `The form ${name} scores practice calls; this is a production call`
        : `The form ${name} scores production calls; this is a practice call`
    )
  }
  const agentTeam = personOf(store.db, input.agentId).teamId
  if (actor.role === 'team_lead') {
    const myTeam = personOf(store.db, actor.userId).teamId
    if (agentTeam !== null && myTeam !== null && agentTeam !== myTeam) {
      throw workerError('forbidden', 'Only a lead of the agent’s team evaluates their calls')
    }
  }
  const teams = form.definition.scope.teams
  if (!input.practice && agentTeam !== null && teams.length > 0 && !teams.includes(agentTeam)) {
    throw workerError('invalid_argument', `The form ${form.formId} does not apply to this team`)
  }
}

/** A call has one evaluation that counts; any other evaluator's is a calibration one. */
function requireOnlyCounted(store: LocalStore, input: EvaluationSaveInput, id: string): void {
  if (input.calibration) return
  const other = queryOne(
    store.db,
    `SELECT 1 AS found FROM evaluations WHERE agent_id = ? AND call_id = ? AND calibration = 0
       AND id <> ? AND sync_state <> 'rejected'`,
    [input.agentId, input.callId, id]
  )
  if (other !== null) {
    throw workerError(
      'conflict',
      'This call already has an evaluation; another evaluator scores it as a calibration one'
    )
  }
}

/** The evaluation as shown once the step is journaled and applied. */
const written = (store: LocalStore, id: string, actor: EvaluationActor) => current(store, id, actor)

/** Creates a draft (no `id`) or replaces a draft's answers; scored here as the server will. */
export async function saveEvaluation(
  store: LocalStore,
  input: EvaluationSaveInput,
  actor: EvaluationActor
): Promise<LocalEvaluation> {
  let id = input.id
  if (id === undefined) requireMayEvaluate(input, actor)
  const form = requireForm(store, input.formId, input.formVersion)
  if (id === undefined) {
    requireFormFits(store, input, form, actor)
    id = store.newId()
  } else {
    const existing = current(store, id, actor)
    if (existing.evaluatorId !== actor.userId) {
      throw workerError('forbidden', 'Only its evaluator edits an evaluation')
    }
    requireState(existing, 'draft', 'changed')
    if (
      existing.agentId !== input.agentId ||
      existing.callId !== input.callId ||
      existing.practice !== input.practice
    ) {
      throw workerError('invalid_argument', 'An evaluation’s agent and call never change')
    }
    const moved = form.formId !== existing.formId || form.version !== existing.formVersion
    // A draft kept on its version may be finished after the form was retired.
    if (moved && form.retired) {
      throw workerError('invalid_argument', `The form ${form.formId} is retired`)
    }
  }
  requireKnownQuestions(form.definition, input.answers)
  requireOnlyCounted(store, input, id)
  const args = { ...input, id, savedAt: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'evaluation.save', args })
  return written(store, id, actor)
}

/** The evaluator releases a complete draft to the agent (a calibration one is submitted). */
export async function releaseEvaluation(
  store: LocalStore,
  id: string,
  actor: EvaluationActor
): Promise<LocalEvaluation> {
  const evaluation = current(store, id, actor)
  if (evaluation.evaluatorId !== actor.userId) {
    throw workerError('forbidden', 'Only its evaluator releases an evaluation')
  }
  requireState(evaluation, 'draft', evaluation.calibration ? 'submitted' : 'released')
  const form = requireForm(store, evaluation.formId, evaluation.formVersion)
  requireComplete(form.definition, evaluation.answers)
  const args = { id, at: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'evaluation.release', args })
  return written(store, id, actor)
}

function requireTheAgent(evaluation: LocalEvaluation, actor: EvaluationActor, what: string) {
  if (evaluation.agentId !== actor.userId) {
    throw workerError('forbidden', `Only the agent evaluated ${what} an evaluation`)
  }
  requireState(evaluation, 'released', `${what}d`)
}

/** The agent accepts a released evaluation. */
export async function acknowledgeEvaluation(
  store: LocalStore,
  id: string,
  actor: EvaluationActor
): Promise<LocalEvaluation> {
  requireTheAgent(current(store, id, actor), actor, 'acknowledge')
  const args = { id, at: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'evaluation.acknowledge', args })
  return written(store, id, actor)
}

/** The agent disputes a released evaluation, saying why. */
export async function disputeEvaluation(
  store: LocalStore,
  input: { id: string; comment: string },
  actor: EvaluationActor
): Promise<LocalEvaluation> {
  requireTheAgent(current(store, input.id, actor), actor, 'dispute')
  const args = { id: input.id, at: store.now().toISOString(), comment: input.comment }
  await store.write({ id: store.newId(), name: 'evaluation.dispute', args })
  return written(store, input.id, actor)
}

/** Who answers a dispute: its evaluator, a lead of the agent's team, an admin (a trainer). */
function requireMayResolve(
  store: LocalStore,
  evaluation: LocalEvaluation,
  actor: EvaluationActor
): void {
  if (actor.role === 'admin' || evaluation.evaluatorId === actor.userId) return
  if (actor.role === 'trainer' && evaluation.kind === 'training') return
  if (actor.role === 'team_lead' && !evaluation.practice) {
    const myTeam = personOf(store.db, actor.userId).teamId
    if (evaluation.teamId === null || myTeam === null || evaluation.teamId === myTeam) return
  }
  throw workerError(
    'forbidden',
    'A dispute is resolved by its evaluator, a lead of the agent’s team or an admin'
  )
}

/** The evaluator (or the team's lead, or an admin) keeps the score or re-scores, with a reason. */
export async function resolveEvaluation(
  store: LocalStore,
  input: {
    id: string
    decision: ResolveDecision
    reason: string
    answers: EvaluationAnswer[] | null
  },
  actor: EvaluationActor
): Promise<LocalEvaluation> {
  const evaluation = current(store, input.id, actor)
  requireMayResolve(store, evaluation, actor)
  requireState(evaluation, 'disputed', 'resolved')
  if (input.answers !== null) {
    const form = requireForm(store, evaluation.formId, evaluation.formVersion)
    requireKnownQuestions(form.definition, input.answers)
    requireComplete(form.definition, input.answers)
  }
  const args = { ...input, at: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'evaluation.resolve', args })
  return written(store, input.id, actor)
}
