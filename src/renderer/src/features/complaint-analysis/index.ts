export { ComplaintAnalysisPanel } from './components/ComplaintAnalysisPanel'
