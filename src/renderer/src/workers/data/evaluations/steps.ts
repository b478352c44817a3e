/**
 * What each evaluation mutation makes of an evaluation, as the server will make it: the state,
 * the score (the shared `scoreSummary` against the version the evaluation names) and one history
 * entry per step. The desk shows this until the server's version comes back, and re-applies a
 * step still queued on top of each newer version it pulls. A step the evaluation's state does
 * not allow changes nothing here: the server refuses it, and the refusal is shown on its own.
 *
 * Who wrote a step on this desk is not in its arguments (the protocol leaves the actor to the
 * token); it is this desk's user, written as {@link SELF} and named when read (see codec.ts).
 */
import type {
  Evaluation,
  EvaluationAction,
  EvaluationHistoryEntry,
  EvaluationScoreSummary
} from '@shared/evaluations/evaluation'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { scoreSummary } from '@shared/evaluations/score-summary'
import type { MutationOf } from '@shared/sync/protocol'
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

/** The actor (id and name) of a step written on this desk, until the server's version names it. */
export const SELF = ''

export type EvaluationMutationName =
  | 'evaluation.save'
  | 'evaluation.release'
  | 'evaluation.acknowledge'
  | 'evaluation.dispute'
  | 'evaluation.resolve'
export type EvaluationMutation = MutationOf<EvaluationMutationName>

/** What a step reads besides the evaluation: the form versions and the people on this desk. */
export interface StepContext {
  form(formId: string, version: number): FormDefinition | null
  person(userId: string): { name: string; teamId: string | null } | null
}

/** A score that counts nothing: the desk lacks the form version (the server's comes back). */
const UNSCORED: EvaluationScoreSummary = {
  percent: null,
  earned: 0,
  possible: 0,
  criticalFailed: false,
  passed: false,
  complete: false,
  sections: []
}

function score(
  context: StepContext,
  formId: string,
  version: number,
  answers: readonly EvaluationAnswer[]
): EvaluationScoreSummary {
  const form = context.form(formId, version)
  return form ? scoreSummary(form, answers) : UNSCORED
}

function entry(
  at: string,
  actor: { id: string; name: string },
  action: EvaluationAction,
  comment: string,
  summary: EvaluationScoreSummary
): EvaluationHistoryEntry {
  return {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action,
    comment,
    percent: summary.percent,
    criticalFailed: summary.criticalFailed
  }
}

const self = { id: SELF, name: SELF }
const evaluatorOf = (e: Evaluation) => ({ id: e.evaluatorId, name: e.evaluatorName })
const agentOf = (e: Evaluation) => ({ id: e.agentId, name: e.agentName })

function stepped(
  base: Evaluation,
  at: string,
  changes: Partial<Evaluation>,
  history: EvaluationHistoryEntry
): Evaluation {
  return { ...base, ...changes, updatedAt: at, history: [...base.history, history] }
}

const answerKey = (a: EvaluationAnswer): string =>
  JSON.stringify([a.questionId, a.value, a.na, a.comment, a.autofilled ?? false])

function sameAnswers(a: readonly EvaluationAnswer[], b: readonly EvaluationAnswer[]): boolean {
  return a.length === b.length && a.every((x, i) => b[i] && answerKey(x) === answerKey(b[i]))
}

type Step<N extends EvaluationMutationName> = (
  input: { base: Evaluation | null; context: StepContext },
  mutation: MutationOf<N>
) => Evaluation | null

/**
 * The first save creates the draft; later ones replace a draft's answers and re-score it, with
 * a `rescored` entry (none when nothing changed).
 */
const save: Step<'evaluation.save'> = ({ base, context }, { args }) => {
  const summary = score(context, args.formId, args.formVersion, args.answers)
  const kind =
    context.form(args.formId, args.formVersion)?.kind ?? (args.practice ? 'training' : 'quality')
  if (base === null) {
    const agent = context.person(args.agentId)
    return {
      id: args.id,
      formId: args.formId,
      formVersion: args.formVersion,
      kind,
      agentId: args.agentId,
      agentName: agent?.name ?? '',
      // Practice lives in the server's practice scope, whose id the desk does not hold.
      teamId: args.practice ? null : (agent?.teamId ?? null),
      evaluatorId: SELF,
      evaluatorName: SELF,
      callId: args.callId,
      interactionId: args.interactionId,
      practice: args.practice,
      calibration: args.calibration,
      state: 'draft',
      answers: args.answers,
      comment: args.comment,
      score: summary,
      createdAt: args.savedAt,
      updatedAt: args.savedAt,
      releasedAt: null,
      dispute: null,
      resolution: null,
      history: [entry(args.savedAt, self, 'created', '', summary)]
    }
  }
  if (base.state !== 'draft') return base
  const interactionId = args.interactionId ?? base.interactionId
  // The same save again (re-sent after a lost answer) changes nothing, as on the server.
  const unchanged =
    base.formId === args.formId &&
    base.formVersion === args.formVersion &&
    base.calibration === args.calibration &&
    base.comment === args.comment &&
    base.interactionId === interactionId &&
    sameAnswers(base.answers, args.answers)
  if (unchanged) return base
  return stepped(
    base,
    args.savedAt,
    {
      formId: args.formId,
      formVersion: args.formVersion,
      kind,
      calibration: args.calibration,
      interactionId,
      answers: args.answers,
      comment: args.comment,
      score: summary
    },
    entry(args.savedAt, evaluatorOf(base), 'rescored', '', summary)
  )
}

/** A complete draft goes to the agent; a calibration one is submitted and never released. */
const release: Step<'evaluation.release'> = ({ base }, { args }) => {
  if (base === null || base.state !== 'draft' || !base.score.complete) return base
  const action = base.calibration ? 'submitted' : 'released'
  return stepped(
    base,
    args.at,
    { state: action, releasedAt: base.calibration ? null : args.at },
    entry(args.at, evaluatorOf(base), action, '', base.score)
  )
}

const acknowledge: Step<'evaluation.acknowledge'> = ({ base }, { args }) => {
  if (base === null || base.state !== 'released') return base
  return stepped(
    base,
    args.at,
    { state: 'acknowledged' },
    entry(args.at, agentOf(base), 'acknowledged', '', base.score)
  )
}

const dispute: Step<'evaluation.dispute'> = ({ base }, { args }) => {
  if (base === null || base.state !== 'released') return base
  return stepped(
    base,
    args.at,
    { state: 'disputed', dispute: { at: args.at, comment: args.comment } },
    entry(args.at, agentOf(base), 'disputed', args.comment, base.score)
  )
}

/** The dispute answered: the score kept, or the new (complete) answers scored. */
const resolve: Step<'evaluation.resolve'> = ({ base, context }, { args }) => {
  if (base === null || base.state !== 'disputed') return base
  const resolution = {
    at: args.at,
    decision: args.decision,
    reason: args.reason,
    byId: SELF,
    byName: SELF
  }
  if (args.answers === null) {
    return stepped(
      base,
      args.at,
      { state: 'resolved', resolution },
      entry(args.at, self, 'resolved_kept', args.reason, base.score)
    )
  }
  const summary = score(context, base.formId, base.formVersion, args.answers)
  return stepped(
    base,
    args.at,
    { state: 'resolved', resolution, answers: args.answers, score: summary },
    entry(args.at, self, 'resolved_rescored', args.reason, summary)
  )
}

const steps: HandlerTable<
  EvaluationMutation,
  'name',
  { base: Evaluation | null; context: StepContext },
  Evaluation | null
> = {
  'evaluation.save': save,
  'evaluation.release': release,
  'evaluation.acknowledge': acknowledge,
  'evaluation.dispute': dispute,
  'evaluation.resolve': resolve
}

/** What `mutation` makes of `base` (null: the server has no such evaluation yet). */
export function applyStep(
  base: Evaluation | null,
  mutation: EvaluationMutation,
  context: StepContext
): Evaluation | null {
  return runHandler(steps, 'name', { base, context }, mutation)
}

export function isEvaluationMutationName(name: string): name is EvaluationMutationName {
  return Object.hasOwn(steps, name)
}
