/**
 * What a finished practice call left, gathered for {@link scorePractice}: the script run as it
 * stood (a run the trainee did not finish is scored as far as it went, to the moment the call's
 * wrap-up was saved), the complaints filed on that call, the compensation granted on them and
 * the disposition (the script's outcome, see below).
 */
import type { CompensationType } from '../domain/compensation'
import type { CompensationStatus } from '../domain/compensation-record'
import type { QualityDimension } from '../domain/quality-dimensions'
import type { ScriptRunRecordInput } from '../domain/script-run'
import { runRecordOf, type RunPause } from '../scripts/run-record'
import type { RunState } from '../scripts/run-state'
import type { PracticeFacts } from './practice-score'

export interface CallComplaint {
  id: string
  callId: string | null
  category: string
  qualityDimension: QualityDimension | null
  createdAt: string
}

export interface CallCompensation {
  complaintId: string
  status: CompensationStatus
  amount: number
  currency: string
  type: CompensationType
  requestedAt: string
}

export interface PracticeCallRecords {
  callId: string
  /** The call's run; null when no script ran (the trainee abandoned it or it never started). */
  run: RunState | null
  /** The time spans the run was set aside (another line in front). */
  pauses?: readonly RunPause[]
  /** Any of the trainee's complaints: those of other calls are left out here. */
  complaints: readonly CallComplaint[]
  /** Compensations of those complaints (others are left out here). */
  compensations: readonly CallCompensation[]
  /** The code saved in the wrap-up (the configured codes). */
  disposition: string | null
  /** When the practice ended (the wrap-up saved): an unfinished run's last step ends here. */
  endedAt: string
}

/**
 * The grant scored: the first granted within authority, else the first requested (a request
 * that needed approval is a grant beyond authority, whatever the trainer then decided).
 */
function scoredGrant(compensations: readonly CallCompensation[]): CallCompensation | null {
  const byTime = [...compensations].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
  return byTime.find((c) => c.status === 'granted') ?? byTime[0] ?? null
}

/** The run as it was recorded (`script_run.record`), as the server stores it. */
export interface RecordedPracticeRun {
  status: 'closed' | 'abandoned'
  outcome: string | null
  steps: ScriptRunRecordInput['steps']
  confirmations: ScriptRunRecordInput['confirmations']
}

export interface RecordedPracticeCall {
  callId: string
  run: RecordedPracticeRun | null
  complaints: readonly CallComplaint[]
  compensations: readonly CallCompensation[]
  disposition: string | null
}

/**
 * The facts from the records a practice call left, as the server holds them (and as the desk
 * builds them from its run, below): what both score, so both give the same result.
 */
export function recordedPracticeFacts(records: RecordedPracticeCall): PracticeFacts {
  const complaints = records.complaints
    .filter((c) => c.callId === records.callId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const ids = new Set(complaints.map((c) => c.id))
  const grant = scoredGrant(records.compensations.filter((c) => ids.has(c.complaintId)))
  const run = records.run
  return {
    run: run
      ? { steps: run.steps, confirmations: run.confirmations }
      : { steps: [], confirmations: [] },
    complaints: complaints.map((c) => ({ category: c.category, dimension: c.qualityDimension })),
    compensation: grant
      ? {
          amount: grant.amount,
          currency: grant.currency,
          type: grant.type,
          withinAuthority: grant.status === 'granted'
        }
      : null,
    // The scenario names one of its script's dispositions (validated so): the outcome of the end
    // the run reached. Without one, the wrap-up's code stands in (the namespaces share codes
    // such as `resolved` and `sale`; otherwise the trainee did not reach the expected end).
    disposition: run?.status === 'closed' && run.outcome ? run.outcome : records.disposition
  }
}

/** The facts from the desk's run as it stands at the wrap-up (an open run ends there). */
export function practiceFacts(records: PracticeCallRecords): PracticeFacts {
  const run = records.run
  const ended: RunState | null =
    run === null
      ? null
      : run.status === 'open'
        ? { ...run, status: 'abandoned', closedAt: records.endedAt }
        : run
  const record = ended
    ? runRecordOf(
        ended,
        { callId: records.callId, practice: true, customerId: null },
        records.pauses
      )
    : null
  return recordedPracticeFacts({
    callId: records.callId,
    run: record,
    complaints: records.complaints,
    compensations: records.compensations,
    disposition: records.disposition
  })
}
