export { ScenarioLibrary } from './components/ScenarioLibrary'
