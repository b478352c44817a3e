/**
 * Evaluations as the worker keeps them, and the requests to score, release, acknowledge,
 * dispute, resolve and list them; the published forms; and what the server answers about a call
 * to score and about the figures (online only).
 */
import type { CallContext, EvaluationFigures, FiguresQuery } from '../../evaluations/evaluation-api'
import type { EvaluationAnswer } from '../../evaluations/answers'
import type {
  Evaluation,
  EvaluationSaveInput,
  EvaluationState,
  PublishedForm,
  ResolveDecision
} from '../../evaluations/evaluation'
import type { LocalSyncState } from './sync'

/**
 * An evaluation as the local store keeps it: the server's, or this user's newer change not yet
 * back (then scored locally with the same code the server uses, and its history has the step).
 */
export interface LocalEvaluation extends Evaluation {
  syncState: LocalSyncState
}

/** Which evaluations a list shows. */
export interface EvaluationListQuery {
  /** One agent's (a lead's view of an agent, or the agent's own); null: every one visible. */
  agentId: string | null
  /** One call's (the calibration view, the call's record); null: any call. */
  callId: string | null
  /** Only those this user scored. */
  evaluatedByMe: boolean
  /** Null: every state. */
  states: EvaluationState[] | null
  /** Calibration evaluations are listed only when asked for. */
  includeCalibration: boolean
  kind: 'quality' | 'training' | null
  limit: number
}

/** The evaluation requests. */
export interface EvaluationRequests {
  /**
   * Published form versions: the latest of each form not retired (`latestOnly`, what a new
   * evaluation may use), or every version (to read old evaluations).
   */
  'evaluation:forms': (args: { latestOnly: boolean }) => { forms: PublishedForm[] }
  /** One published version (what an evaluation names), or null when this desk lacks it. */
  'evaluation:form': (args: { formId: string; version: number }) => { form: PublishedForm | null }
  /** Creates or updates a draft (journaled, synced as `evaluation.save`); scored locally. */
  'evaluation:save': (args: EvaluationSaveInput) => { evaluation: LocalEvaluation }
  /** The evaluator releases a complete draft to the agent (a calibration one is submitted). */
  'evaluation:release': (args: { id: string }) => { evaluation: LocalEvaluation }
  /** The agent accepts a released evaluation. */
  'evaluation:acknowledge': (args: { id: string }) => { evaluation: LocalEvaluation }
  /** The agent disputes a released evaluation, with a comment. */
  'evaluation:dispute': (args: { id: string; comment: string }) => { evaluation: LocalEvaluation }
  /** The evaluator (or the team's lead, or an admin) answers a dispute. */
  'evaluation:resolve': (args: {
    id: string
    decision: ResolveDecision
    reason: string
    answers: EvaluationAnswer[] | null
  }) => { evaluation: LocalEvaluation }
  /** Newest first (by `updatedAt`). */
  'evaluation:list': (args: EvaluationListQuery) => { evaluations: LocalEvaluation[] }
  'evaluation:get': (args: { id: string }) => { evaluation: LocalEvaluation | null }
  /** Released evaluations to this agent not yet acknowledged or disputed: the desk's badge. */
  'evaluation:awaiting': (args: Record<string, never>) => { count: number }
  /** What the evaluator reads beside the form, from the server (online only). */
  'evaluation:callContext': (args: { agentId: string; callId: string; language: 'es' | 'en' }) => {
    context: CallContext
  }
  /** The figures, from the server (online only). */
  'evaluation:figures': (args: FiguresQuery) => { figures: EvaluationFigures }
}
