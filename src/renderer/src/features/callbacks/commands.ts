/**
 * Callback commands: schedule one (journaled, then synced), mark one done, and call one back
 * through the softphone's click-to-call. Practice callbacks are never dialled: their numbers
 * belong to practice scenarios, not to customers waiting for a call.
 */
import type { LocalCallback } from '@shared/contract/worker'
import type { CallbackScheduleInput } from '@shared/domain/callback'
import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { SipLine } from '../softphone'

export async function scheduleCallback(
  input: CallbackScheduleInput
): Promise<Result<LocalCallback>> {
  const client = dataClient()
  if (!client) return fail(appError('unavailable', 'The local store is not open'))
  const result = await client.send('callback:schedule', input)
  if (!result.ok) return fail(result.error)
  useAppStore.getState().callbackDraftClosed()
  return ok(result.data.callback)
}

export async function completeCallback(id: string): Promise<string | null> {
  const result = await dataClient()?.send('callback:complete', { id })
  return result && !result.ok ? result.error.message : null
}

export function callBack(callback: LocalCallback, line: Pick<SipLine, 'dial'>): void {
  if (callback.practice) return
  void line.dial(callback.phoneE164)
}
