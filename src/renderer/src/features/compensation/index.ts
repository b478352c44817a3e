export { CompensationForm } from './components/CompensationForm'
export { CompensationList } from './components/CompensationList'
export { PendingApprovals } from './components/PendingApprovals'
export {
  useCompensationDirectory,
  useCompensations,
  useComplaintTimeline
} from './hooks/use-compensations'
export { useCustomer } from './hooks/use-customer'
