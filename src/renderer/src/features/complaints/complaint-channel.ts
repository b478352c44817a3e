import type { ComplaintChannel } from '@shared/domain/complaint'

/** Until the user picks a channel: the phone while a call is on, otherwise not set. */
export function defaultChannel(hasCall: boolean): ComplaintChannel | null {
  return hasCall ? 'phone' : null
}
