/**
 * Wrap-up commands: save the call's disposition (journaled, then synced) and finish, and open
 * the callback form prefilled from the call. The phone's own finish stays behind the guard.
 */
import i18next from 'i18next'

import { fullName } from '@shared/domain/customer'
import { toE164 } from '@shared/phone/normalize'
import { recordCustomerId, servesCustomer } from '../screen-pop'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import { defaultCountry } from '@renderer/settings/caller-id-settings'
import { isPracticeCall } from '@renderer/telephony/call-session'

/**
 * Saves the disposition of the call in wrap-up, then `finish`es the wrap-up (the call controller's,
 * which finishes only if nothing else holds it).
 */
export async function saveDispositionAndFinish(
  code: string,
  note: string,
  finish: () => void
): Promise<void> {
  const { phone, screenPop, wrapUp } = useAppStore.getState()
  const call = phone.call
  const client = dataClient()
  if (phone.phase !== 'wrap_up' || !call || !client) return
  if (wrapUp.saved?.callId !== call.id) {
    const result = await client.send('disposition:record', {
      callId: call.id,
      practice: isPracticeCall(call),
      code,
      note,
      customerId: screenPop.callId === call.id ? recordCustomerId(screenPop) : null
    })
    if (!result.ok) {
      useAppStore.getState().dispositionRefused(result.error.message)
      return
    }
    useAppStore.getState().dispositionSaved(result.data.disposition)
  }
  finish()
}

/** Opens the callback form for the call in front: its customer and number, the agent's note. */
export function openCallbackForCall(note = '', dueAt: string | null = null): void {
  const { phone, screenPop } = useAppStore.getState()
  const call = phone.call
  const customer = screenPop.customer
  const number = call ? toE164(call.remoteNumber, defaultCountry()) : null
  useAppStore.getState().callbackDraftOpened({
    customerId: recordCustomerId(screenPop),
    contactName: customer ? fullName(customer) : (call?.remoteDisplayName ?? ''),
    phone: number ?? customer?.phones[0]?.e164 ?? '',
    dueAt,
    note,
    callId: call?.id ?? null,
    practice: call ? isPracticeCall(call) : false
  })
}

/**
 * The guard: a call in wrap-up needs its disposition saved before the agent moves on; a call that
 * served no customer here needs none (a disposition is a customer call's outcome).
 */
export function dispositionPending(): string | null {
  const state = useAppStore.getState()
  const { phone, wrapUp } = state
  if (phone.phase !== 'wrap_up' || !phone.call) return null
  if (!servesCustomer(state, phone.call)) return null
  return wrapUp.saved?.callId === phone.call.id ? null : i18next.t('wrapUp.dispositionRequired')
}
