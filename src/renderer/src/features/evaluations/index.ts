/**
 * Evaluations on the page: scoring a call beside its facts, the agent's own evaluations
 * (acknowledge, dispute), the lead's list and dispute resolution. Placeholders until built.
 */
export { EvaluationsPanel, MyEvaluationsPanel, EvaluateCallButton } from './placeholders'
