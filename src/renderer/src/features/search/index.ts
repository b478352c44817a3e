export { CustomerSearch } from './components/CustomerSearch'
