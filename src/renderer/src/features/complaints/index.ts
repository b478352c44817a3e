export { categoryLabel, labelLanguage } from './category-label'
export { refreshComplaints } from './commands'
export { ComplaintsPanel } from './components/ComplaintsPanel'
export { useComplaintCategories } from './hooks/use-complaint-categories'
