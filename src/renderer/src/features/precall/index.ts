export { PreCallCheck } from './components/PreCallCheck'
