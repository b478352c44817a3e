export { openCallbackForCall } from './commands'
export { WrapUpForm } from './components/WrapUpForm'
export type { CallbackDraft } from './store'
export { watchWrapUp } from './watch-wrap-up'
