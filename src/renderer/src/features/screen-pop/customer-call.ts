import type { CallInfo } from '@renderer/telephony/call-session'
import { isTrainerLeg } from '@renderer/telephony/call-session'
import type { AppState } from '../../stores/app-store'
import { isColleagueCall } from './store'

/**
 * Whether the person here is serving a customer on this call, so it follows a script and ends
 * with an outcome: a real customer, or a persona the trainee serves in practice. Not a call with
 * a colleague, and not the trainer's side of a role-play (the trainer plays the customer).
 */
export function servesCustomer(
  state: Pick<AppState, 'screenPop'>,
  call: Pick<CallInfo, 'id' | 'practice'>
): boolean {
  return !isColleagueCall(state, call.id) && !isTrainerLeg(call)
}
