/**
 * Keeps the wrap-up in step with the phone: the disposition guard while a call is wrapped up,
 * the call's saved disposition read back when its wrap-up starts (after a reload, say), and a
 * clean slate once the agent moved on.
 */
import type { WrapUpGuardRegistry } from '../softphone'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import { dispositionPending } from './commands'

async function loadSaved(callId: string): Promise<void> {
  const result = await dataClient()?.send('disposition:forCall', { callId })
  const disposition = result?.ok ? result.data.disposition : null
  if (disposition && useAppStore.getState().phone.call?.id === callId) {
    useAppStore.getState().dispositionSaved(disposition)
  }
}

export function watchWrapUp(guards: WrapUpGuardRegistry): () => void {
  const unguard = guards.register(dispositionPending)
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const { phase, call } = state.phone
    if (phase === previous.phone.phase) return
    if (phase === 'wrap_up' && call) void loadSaved(call.id)
    else if (phase === 'idle' && state.wrapUp.callId !== null) state.wrapUpCleared()
  })
  return () => {
    unguard()
    unsubscribe()
  }
}
