/**
 * What the agent's status is, as a team lead and the routing see it. The agent chooses between
 * Ready and Not Ready (with a pause reason); while a call is up or being wrapped up the phone
 * decides instead, so nobody has to remember to set "on call".
 */
import { WATCHDOG_PAUSE_REASON } from '@shared/domain/configuration-edit'
import type { PhonePhase } from '../softphone'

export type Availability =
  | { kind: 'ready'; since: string }
  | { kind: 'not_ready'; reason: PauseReasonCode; since: string; bySystem: boolean }

export type EffectiveAgentState = 'ready' | 'not_ready' | 'on_call' | 'wrap_up'

/** Pause reasons every site has; a site's own list comes from the server's configuration. */
export const builtInPauseReasons = ['break', 'lunch', 'training', 'meeting', 'admin'] as const

/** Set only by the phone watchdog: the agent did not choose it, the phone cannot take calls. */
export const PHONE_PROBLEM_REASON = WATCHDOG_PAUSE_REASON

export type PauseReasonCode = string

/** Phases in which the phone, not the agent, decides the state. */
const phaseStates: Partial<Record<PhonePhase, EffectiveAgentState>> = {
  ringing: 'on_call',
  dialing: 'on_call',
  connecting: 'on_call',
  active: 'on_call',
  held: 'on_call',
  wrap_up: 'wrap_up'
}

/** The state others see: the call wins over the agent's choice while it lasts. */
export function effectiveAgentState(
  availability: Availability,
  phase: PhonePhase
): EffectiveAgentState {
  return phaseStates[phase] ?? availability.kind
}
