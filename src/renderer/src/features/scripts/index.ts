export { ScriptPanel } from './components/ScriptPanel'
