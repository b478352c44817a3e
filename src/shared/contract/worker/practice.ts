/**
 * Practice scenarios, read from the server (online only): the published ones every desk may
 * run, and one version whole.
 */
import type { PracticePurgeResult } from '../../practice/practice-purge'
import type { PracticeSessionRecordInput } from '../../practice/progress-api'
import type { RoleplayClaims, RoleplayRefusal } from '../../practice/roleplay'
import type { ScenarioVersion, ScenarioVersionDetail } from '../../practice/scenario-api'

export interface PracticeRequests {
  /** The latest published version of each scenario not retired. */
  'practice:scenarios': (args: Record<string, never>) => { scenarios: ScenarioVersion[] }
  /** One version with its parsed scenario. */
  'practice:scenario': (args: { scenarioId: string; version: number }) => {
    scenario: ScenarioVersionDetail
  }
  /**
   * One line of a practice customer as a WAV, by its content key (practice-audio.ts); null when
   * the server has none (no espeak-ng, not rendered yet) or cannot be reached: text only then.
   */
  'practice:audio': (args: { key: string }) => { wav: ArrayBuffer | null }
  /** Trainers and admins: removes every practice record on the server (and, by its tombstone, on every desk). */
  'practice:purge': (args: Record<string, never>) => { result: PracticePurgeResult }
  /**
   * Journals a finished practice call's session (the scenario version it played) for sync: the
   * server scores it from its records and keeps it for the trainee's progress.
   */
  'practiceSession:record': (args: PracticeSessionRecordInput) => { id: string }
  /**
   * A role-play INVITE's session, checked (signature, expiry, this desk's user answers it) and
   * redeemed with the server once for `callId`; a refusal says why. When the trainee dials, the
   * trainer's desk admits only the session it is `waitingFor`. Never throws a network error:
   * unreachable is a refusal.
   */
  'practice:admitRoleplay': (args: {
    token: string
    callId: string
    waitingFor: string | null
  }) => { ok: true; claims: RoleplayClaims } | { ok: false; reason: RoleplayRefusal }
}
