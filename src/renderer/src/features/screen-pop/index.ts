export { lookUpCaller, openCustomer, showLookup, type CallerMatch } from './commands'
export { isColleagueCall, recordCustomerId } from './store'
export { CustomerCard } from './components/CustomerCard'
export { CallerSummary } from './components/CallerSummary'
