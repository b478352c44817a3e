import type { StateCreator } from 'zustand'

import type { PracticeFacts, PracticeReport } from '@shared/practice'
import type { AppState } from '../../stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'

/** The score of a practice call that just ended, shown on the desk until the trainee closes it. */
export interface FinishedPractice {
  callId: string
  practice: PracticeCallScenario
  facts: PracticeFacts
  report: PracticeReport
  finishedAt: string
}

export interface PracticeSlice {
  practice: {
    /** The last practice call's report; null once closed, or when none was scored. */
    finished: FinishedPractice | null
    /** Why the last practice call could not be scored (its script is not on this desk). */
    scoreError: string | null
    /**
     * The desk set the trainee Not Ready for practising: Ready again when the practice ends (the
     * report closed), unless the trainee chose another status meanwhile.
     */
    pausedForPractice: boolean
  }
  practiceScored: (finished: FinishedPractice) => void
  practiceScoreFailed: (message: string) => void
  practiceReportClosed: () => void
  practicePaused: (paused: boolean) => void
}

export const createPracticeSlice: StateCreator<AppState, [], [], PracticeSlice> = (set) => ({
  practice: { finished: null, scoreError: null, pausedForPractice: false },
  practiceScored: (finished) => {
    set((s) => ({ practice: { ...s.practice, finished, scoreError: null } }))
  },
  practiceScoreFailed: (message) => {
    set((s) => ({ practice: { ...s.practice, finished: null, scoreError: message } }))
  },
  practiceReportClosed: () => {
    set((s) => ({ practice: { ...s.practice, finished: null, scoreError: null } }))
  },
  practicePaused: (pausedForPractice) => {
    set((s) => ({ practice: { ...s.practice, pausedForPractice } }))
  }
})
