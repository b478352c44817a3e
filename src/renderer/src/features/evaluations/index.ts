/**
 * Evaluations on the page: scoring a call beside its facts, the agent's own evaluations
 * (acknowledge, dispute), the lead's list and dispute resolution, and the agent's badge count.
 */
export { EvaluationsPanel } from './components/EvaluationsPanel'
export { MyEvaluationsPanel } from './components/MyEvaluationsPanel'
export { EvaluateCallButton } from './components/EvaluateCallButton'
export { ScoringBeside } from './components/ScoringBeside'
export { EvaluationDetail } from './components/EvaluationDetail'
export { EvaluationView } from './components/EvaluationView'
export { StateChip } from './components/StateChip'
export { ScoringPanel } from './components/ScoringPanel'
export {
  useAwaitingEvaluations,
  useEvaluationList,
  useFormVersion,
  listQuery
} from './hooks/use-evaluations'
export { percentText, scoreStatusText, verdictText } from './score-text'
export type { ScoringTarget } from './scoring-target'
