import type { StateCreator } from 'zustand'

import type { AppState } from '../../stores/app-store'
import { PHONE_PROBLEM_REASON, type Availability, type PauseReasonCode } from './agent-state'
import type { PhoneProblem } from './phone-watchdog'

/**
 * A state a team lead forced on this agent, as the desk applied it: what the notice says, and
 * the record's id so the recorder does not record it a second time.
 */
export interface ForcedState {
  id: string
  state: 'ready' | 'not_ready'
  pauseReason: string | null
  /** The lead's name as the server recorded it; null when it did not say. */
  by: string | null
  note: string | null
}

export interface AgentStateSlice {
  agent: {
    availability: Availability
    /** What stops the phone from taking calls right now; empty when it can. */
    phoneProblems: readonly PhoneProblem[]
    /** The watchdog paused the agent and the phone works again: the agent decides to return. */
    phoneRecovered: boolean
    /** Why the last status change could not be recorded, if it could not. */
    recordError: string | null
    /** The last state a lead forced here, until the agent dismisses its notice. */
    forced: ForcedState | null
  }
  agentStateRecordFailed: (message: string) => void
  agentReady: () => void
  agentNotReady: (reason: PauseReasonCode) => void
  phoneHealthChanged: (problems: readonly PhoneProblem[]) => void
  /**
   * A lead forced this agent's state: Ready, or the pause (which follows the call when one is up,
   * as the agent's own choice would). Ready never hides a phone that cannot ring.
   */
  agentStateForced: (forced: ForcedState) => void
  forcedNoticeDismissed: () => void
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
    recordError: null,
    forced: null
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
  agentStateForced: (forced) => {
    const { agent } = get()
    const current = agent.availability
    let availability = current
    if (forced.state === 'ready') {
      if (agent.phoneProblems.length === 0 && current.kind !== 'ready') {
        availability = { kind: 'ready', since: now() }
      }
    } else if (
      forced.pauseReason !== null &&
      (current.kind !== 'not_ready' || current.reason !== forced.pauseReason)
    ) {
      availability = {
        kind: 'not_ready',
        reason: forced.pauseReason,
        since: now(),
        bySystem: false
      }
    }
    set({ agent: { ...agent, availability, phoneRecovered: false, forced } })
  },
  forcedNoticeDismissed: () => {
    set((s) => ({ agent: { ...s.agent, forced: null } }))
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
