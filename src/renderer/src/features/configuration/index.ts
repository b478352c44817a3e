export { ConfigurationPanel } from './components/ConfigurationPanel'
