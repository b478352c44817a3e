/**
 * The end of a solo practice call: once its wrap-up is saved, the call is scored against its
 * scenario from what this desk recorded (the script run, the complaints filed on the call and
 * their compensations, the disposition) and the report waits on the desk. The session is
 * journaled for the server, which scores it again from its own records and keeps it. The trainee is set
 * Not Ready while practising (no real call rings meanwhile) and Ready again when the report is
 * closed, unless they chose another status in between.
 */
import i18next from 'i18next'

import {
  practiceFacts,
  scorePractice,
  type CallComplaint,
  type CallCompensation
} from '@shared/practice'
import type { RunState } from '@shared/scripts/run-state'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { scriptCatalog } from '../scripts'

/** The pause a practice is recorded under (one of the built-in reasons every site has). */
export const PRACTICE_PAUSE_REASON = 'training'
const MAX_COMPLAINTS = 500
const MAX_COMPENSATIONS = 50

/** Not Ready for the practice, when the trainee is Ready now. */
export function pauseForPractice(): void {
  const store = useAppStore.getState()
  if (store.agent.availability.kind !== 'ready') return
  store.agentNotReady(PRACTICE_PAUSE_REASON)
  store.practicePaused(true)
}

/** The practice is over: Ready again if the desk paused the trainee and nobody changed it. */
export function endPracticePause(): void {
  const store = useAppStore.getState()
  if (!store.practice.pausedForPractice) return
  store.practicePaused(false)
  const { availability } = store.agent
  if (availability.kind === 'not_ready' && availability.reason === PRACTICE_PAUSE_REASON) {
    store.agentReady()
  }
}

/** The complaints filed on `callId` and their compensations, from the local store. */
export async function callRecords(callId: string): Promise<{
  complaints: CallComplaint[]
  compensations: CallCompensation[]
} | null> {
  const client = dataClient()
  if (!client) return null
  const listed = await client.send('complaint:list', {
    customerId: null,
    limit: MAX_COMPLAINTS,
    filter: { callId }
  })
  if (!listed.ok) return null
  const complaints = listed.data.complaints
  const compensations: CallCompensation[] = []
  for (const complaint of complaints) {
    const result = await client.send('compensation:list', {
      complaintId: complaint.id,
      status: null,
      limit: MAX_COMPENSATIONS
    })
    if (result.ok) compensations.push(...result.data.compensations)
  }
  return { complaints, compensations }
}

/** Scores the practice call `callId`, its wrap-up just saved with `disposition`. */
export async function scorePracticeCall(
  callId: string,
  practice: PracticeCallScenario,
  run: RunState | null,
  disposition: string
): Promise<void> {
  const endedAt = new Date().toISOString()
  // Kept for the trainee's progress: the server scores it from its own copy of the records.
  await dataClient()?.send('practiceSession:record', {
    callId,
    scenarioId: practice.scenarioId,
    scenarioVersion: practice.scenarioVersion,
    mode: practice.roleplay ? 'roleplay' : 'solo',
    endedAt
  })
  const store = useAppStore.getState()
  const script = scriptCatalog().scripts.get(practice.scenario.script.id)
  if (!script) {
    store.practiceScoreFailed(i18next.t('practiceReport.noScript'))
    return
  }
  const records = await callRecords(callId)
  if (!records) {
    store.practiceScoreFailed(i18next.t('practiceReport.noRecords'))
    return
  }
  const facts = practiceFacts({
    callId,
    // A run the trainee switched to another script is not the scenario's: nothing followed it.
    run: run?.scriptId === script.id ? run : null,
    ...records,
    disposition,
    endedAt
  })
  const report = scorePractice(practice.scenario, facts, script)
  useAppStore.getState().practiceScored({ callId, practice, facts, report, finishedAt: endedAt })
}

/**
 * Scores each practice call when its wrap-up is saved, and ends the practice pause when a
 * practice call leaves without one (declined, missed) and no report is waiting.
 */
export function watchPracticeCalls(): () => void {
  return useAppStore.subscribe((state, previous) => {
    const saved = state.wrapUp.saved
    const call = state.phone.call
    if (saved && saved !== previous.wrapUp.saved && call?.practice && saved.callId === call.id) {
      const run = state.scriptRun.callId === call.id ? state.scriptRun.state : null
      scorePracticeCall(call.id, call.practice, run, saved.code).catch((error: unknown) => {
        // Never a silent end: the trainee reads why there is no result, and can close it.
        const message = error instanceof Error ? error.message : String(error)
        useAppStore.getState().practiceScoreFailed(message)
      })
    }
    // Left unscored (never answered, or no disposition saved): nothing to read, the pause ends.
    const before = previous.phone.call
    const left = before?.practice !== undefined && state.phone.call?.id !== before.id
    if (left && previous.wrapUp.saved?.callId !== before.id) endPracticePause()
  })
}
