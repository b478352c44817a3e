export { lookUpCaller, openCustomer, showLookup } from './commands'
export { CustomerCard } from './components/CustomerCard'
export { CallerSummary } from './components/CallerSummary'
