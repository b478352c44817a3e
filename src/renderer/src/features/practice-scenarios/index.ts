export { ScenarioLibrary } from './components/ScenarioLibrary'
export { ScenarioDetail } from './components/ScenarioDetail'
export { PracticePicker } from './components/PracticePicker'
export { startScenarioPractice, type PracticeStart } from './practice-start'
export { PracticeDataPanel } from './components/PracticeDataPanel'
export { PracticeCustomerPanel } from './components/PracticeCustomerPanel'
export { PracticeReportPanel } from './components/PracticeReportPanel'
export { watchPracticeCalls } from './practice-scoring'
/** The report's pieces, for reading stored sessions in the trainer's progress view. */
export { ReportItemsTable } from './components/ReportItemsTable'
export {
  itemKind,
  itemSubject,
  stepLabel,
  type ItemRef,
  type ReportLabelContext
} from './report-labels'
export { loadScenario, loadScenarios, localized, type Load } from './scenario-load'
export { admitRoleplayInvite, type RoleplayInvite } from './roleplay-invite'
