/** Practice scenarios written, versioned, published and retired by trainers in the app. */
export { ScenarioAuthoring } from './components/ScenarioAuthoring'
export { createScenarioAdminApi, type ScenarioAdminApi } from './scenario-admin-api'
