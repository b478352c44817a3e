export { ScriptPanel } from './components/ScriptPanel'
export { ScriptRunner } from './script-runner'
export { ScriptRunnerProvider } from './script-runner-context'
export { ScriptAnalyticsPanel } from './components/ScriptAnalyticsPanel'
