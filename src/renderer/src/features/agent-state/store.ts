import type { StateCreator } from 'zustand'

import type { AppState } from '../../stores/app-store'
import { PHONE_PROBLEM_REASON, type Availability, type PauseReasonCode } from './agent-state'
import type { PhoneProblem } from './phone-watchdog'

export interface AgentStateSlice {
  agent: {
    availability: Availability
    /** What stops the phone from taking calls right now; empty when it can. */
    phoneProblems: readonly PhoneProblem[]
    /** The watchdog paused the agent and the phone works again: the agent decides to return. */
    phoneRecovered: boolean
    /** Why the last status change could not be recorded, if it could not. */
    recordError: string | null
  }
  agentStateRecordFailed: (message: string) => void
  agentReady: () => void
  agentNotReady: (reason: PauseReasonCode) => void
  phoneHealthChanged: (problems: readonly PhoneProblem[]) => void
}

const now = (): string => new Date().toISOString()

function sameProblems(a: readonly PhoneProblem[], b: readonly PhoneProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i])
}

export const createAgentStateSlice: StateCreator<AppState, [], [], AgentStateSlice> = (
  set,
  get
) => ({
  agent: {
    availability: { kind: 'ready', since: now() },
    phoneProblems: [],
    phoneRecovered: false,
    recordError: null
  },
  agentStateRecordFailed: (message) => {
    set((s) => ({ agent: { ...s.agent, recordError: message } }))
  },
  agentReady: () => {
    const { agent } = get()
    // Ready with a phone that cannot ring would hide the problem the watchdog reported.
    if (agent.phoneProblems.length > 0 || agent.availability.kind === 'ready') return
    set({
      agent: { ...agent, availability: { kind: 'ready', since: now() }, phoneRecovered: false }
    })
  },
  agentNotReady: (reason) => {
    const { agent } = get()
    const current = agent.availability
    if (current.kind === 'not_ready' && current.reason === reason) return
    set({
      agent: {
        ...agent,
        availability: { kind: 'not_ready', reason, since: now(), bySystem: false },
        phoneRecovered: false
      }
    })
  },
  phoneHealthChanged: (problems) => {
    const { agent } = get()
    if (sameProblems(agent.phoneProblems, problems)) return
    const current = agent.availability
    if (problems.length > 0) {
      const availability: Availability =
        current.kind === 'ready'
          ? { kind: 'not_ready', reason: PHONE_PROBLEM_REASON, since: now(), bySystem: true }
          : current
      set({ agent: { ...agent, availability, phoneProblems: problems, phoneRecovered: false } })
      return
    }
    const recovered = current.kind === 'not_ready' && current.bySystem
    set({ agent: { ...agent, phoneProblems: problems, phoneRecovered: recovered } })
  }
})
