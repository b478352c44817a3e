export { CallbacksPanel } from './components/CallbacksPanel'
export { CallbackForm } from './components/CallbackForm'
