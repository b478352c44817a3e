export { lookUpCaller, openCustomer, showLookup } from './commands'
export { CustomerCard } from './components/CustomerCard'
