/**
 * Evaluation forms in Administration ("Formularios de evaluación"): versions on the server, a
 * version's preview beside its YAML, a new version checked as it is typed, uploaded, published,
 * retired. Online only.
 */
export { EvaluationFormsAdmin } from './components/EvaluationFormsAdmin'
