/**
 * The translations: the app-wide files (es.json, en.json) plus one file per feature under es/ and
 * en/, each under its own top-level key, so features translate in their own files and never
 * edit the same lines. The parity test compares the merged resources.
 */
import enCalibration from './en/calibration.json'
import enEvaluationFigures from './en/evaluation-figures.json'
import enEvaluationForms from './en/evaluation-forms.json'
import enEvaluations from './en/evaluations.json'
import enPracticeReport from './en/practice-report.json'
import enPracticeScenarios from './en/practice-scenarios.json'
import enRoleplay from './en/roleplay.json'
import enScenarioAuthoring from './en/scenario-authoring.json'
import enSourceEditor from './en/source-editor.json'
import enTrainingProgress from './en/training-progress.json'
import en from './en.json'
import esCalibration from './es/calibration.json'
import esEvaluationFigures from './es/evaluation-figures.json'
import esEvaluationForms from './es/evaluation-forms.json'
import esEvaluations from './es/evaluations.json'
import esPracticeReport from './es/practice-report.json'
import esPracticeScenarios from './es/practice-scenarios.json'
import esRoleplay from './es/roleplay.json'
import esScenarioAuthoring from './es/scenario-authoring.json'
import esSourceEditor from './es/source-editor.json'
import esTrainingProgress from './es/training-progress.json'
import es from './es.json'

export const translations = {
  es: {
    ...es,
    evaluations: esEvaluations,
    evaluationForms: esEvaluationForms,
    evaluationFigures: esEvaluationFigures,
    calibration: esCalibration,
    practiceScenarios: esPracticeScenarios,
    practiceReport: esPracticeReport,
    trainingProgress: esTrainingProgress,
    roleplay: esRoleplay,
    sourceEditor: esSourceEditor,
    scenarioAuthoring: esScenarioAuthoring
  },
  en: {
    ...en,
    evaluations: enEvaluations,
    evaluationForms: enEvaluationForms,
    evaluationFigures: enEvaluationFigures,
    calibration: enCalibration,
    practiceScenarios: enPracticeScenarios,
    practiceReport: enPracticeReport,
    trainingProgress: enTrainingProgress,
    roleplay: enRoleplay,
    sourceEditor: enSourceEditor,
    scenarioAuthoring: enScenarioAuthoring
  }
}
