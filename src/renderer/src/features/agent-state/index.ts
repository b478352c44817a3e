export { AgentStateControl } from './components/AgentStateControl'
export { PhoneProblemAlert } from './components/PhoneProblemAlert'
export { recordSignOff } from './record-agent-state'
export { usePauseReasons } from './use-pause-reasons'
