/**
 * Practice progress (issue 20, item 5): the trainer's cohorts and each trainee's scored practice
 * sessions, certifications and weakest steps (Training → Progreso), and the trainee's own
 * (Calidad → Mis prácticas). The server scores and counts; this reads and draws.
 */
export { TrainingProgressPanel } from './components/TrainingProgressPanel'
export { MyPracticePanel } from './components/MyPracticePanel'
export {
  createTrainingApi,
  trainingApi,
  type RoleplayIssueOutcome,
  type TrainingApi,
  type TrainingOutcome
} from './training-api'
