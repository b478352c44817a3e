/**
 * The evaluation capability's mutations: a draft saved by its evaluator, released to the agent
 * (or submitted, for calibration), acknowledged or disputed by the agent, and the dispute
 * resolved. Each step is checked here, scored by the server, recorded and audited.
 */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyEvaluationRelease } from './evaluation-release'
import { applyEvaluationAcknowledge, applyEvaluationDispute } from './evaluation-reply'
import { applyEvaluationResolve } from './evaluation-resolve'
import { applyEvaluationSave } from './evaluation-save'

export const evaluationMutations: MutationSlice<'evaluation'> = {
  'evaluation.save': ({ tx, claims }, m) => applyEvaluationSave(tx, claims, m.args),
  'evaluation.release': ({ tx, claims }, m) => applyEvaluationRelease(tx, claims, m.args),
  'evaluation.acknowledge': ({ tx, claims }, m) => applyEvaluationAcknowledge(tx, claims, m.args),
  'evaluation.dispute': ({ tx, claims }, m) => applyEvaluationDispute(tx, claims, m.args),
  'evaluation.resolve': ({ tx, claims }, m) => applyEvaluationResolve(tx, claims, m.args)
}
