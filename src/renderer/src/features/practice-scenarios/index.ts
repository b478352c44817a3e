export { ScenarioLibrary } from './components/ScenarioLibrary'
export { PracticePicker } from './components/PracticePicker'
export { startScenarioPractice, type PracticeStart } from './practice-start'
export { PracticeDataPanel } from './components/PracticeDataPanel'
