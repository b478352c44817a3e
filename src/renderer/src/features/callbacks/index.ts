export { CallbacksPanel } from './components/CallbacksPanel'
