export { checkScenarioSource, type CheckedScenario } from './scenario-source'
export {
  scenarioFindings,
  scenarioIssueCodes,
  type LocatedScenarioIssue,
  type ScenarioIssue,
  type ScenarioFindingDetail,
  type ScenarioIssueCode
} from './scenario-issues'
export {
  criticalItems,
  DEFAULT_PASS_THRESHOLD,
  scenarioSchema,
  type CriticalItem,
  type CustomerTurn,
  type Expectations,
  type Persona,
  type Scenario,
  type ScriptLookup
} from './scenario-schema'
export { validateScenario } from './validate-scenario'
export * from './scenario-api'
export {
  FICTIONAL_PHONE_HINT,
  isFictionalPhone,
  isPersonaId,
  PERSONA_ID_PREFIX
} from './persona-rules'
export {
  customerTurn,
  initialCustomerState,
  type CompensationStance,
  type CustomerContext,
  type CustomerReaction,
  type CustomerState,
  type CustomerTurnResult,
  type PracticeEvent
} from './customer-turns'
export {
  scorePractice,
  scoreWeights,
  type PracticeFacts,
  type PracticeReport,
  type ScoreItem,
  type ScoreItemKind,
  type ScoreValue
} from './practice-score'
export { personaAsCustomer, personaCustomerId } from './persona-customer'
export {
  personaIdSchema,
  practiceMarkProblem,
  practiceMarkShape,
  type PracticeMarked
} from './practice-mark'
export {
  pathEvents,
  practiceTranscript,
  type TimedPracticeEvent,
  type TranscriptEntry
} from './practice-transcript'
export {
  practiceFacts,
  recordedPracticeFacts,
  type CallComplaint,
  type RecordedPracticeCall,
  type RecordedPracticeRun,
  type CallCompensation,
  type PracticeCallRecords
} from './practice-facts'
export {
  PRACTICE_AUDIO_PATH,
  practiceAudioKey,
  practiceAudioKeySchema,
  practiceAudioParamsSchema,
  practiceAudioPath,
  scenarioLines,
  type Sha256
} from './practice-audio'
export * from './progress-api'
export {
  certificationOf,
  countsForCertification,
  weakestItems,
  type CertificationState,
  type ScoredSession
} from './practice-progress'
