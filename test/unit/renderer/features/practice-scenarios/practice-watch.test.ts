/**
 * The watcher around a practice call, driven through the store as the softphone would: a saved
 * wrap-up on a practice call starts the score (here the data worker is absent, so the trainee is
 * told the result cannot be had, never left without word); a practice call that leaves without
 * a wrap-up ends the practice pause at once.
 */
import i18next from 'i18next'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  pauseForPractice,
  watchPracticeCalls
} from '@renderer/features/practice-scenarios/practice-scoring'
import { translations } from '@renderer/i18n/resources'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import type { CallInfo } from '@renderer/telephony/call-session'

import { winBackCall } from '../../support/practice-call'

const call: CallInfo = {
  id: 'practice-1',
  kind: 'practice',
  direction: 'inbound',
  remoteNumber: '+447700900101',
  remoteDisplayName: 'Marta Vidal',
  ctiHeaders: {},
  startedAt: '2026-12-07T10:00:00.000Z',
  practice: winBackCall
}

function onCall(info: CallInfo | null, phase: 'active' | 'wrap_up' | 'idle'): void {
  useAppStore.setState((s) => ({ phone: { ...s.phone, call: info, phase } }))
}

describe('the practice call watcher', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'es', resources: { es: { translation: translations.es } } })
  })
  afterEach(resetAppStore)

  it('scores when the wrap-up is saved, and says so when the records cannot be read', async () => {
    const stop = watchPracticeCalls()
    pauseForPractice()
    onCall(call, 'wrap_up')
    useAppStore.getState().dispositionSaved({
      id: '00000000-0000-4000-8000-000000000001',
      callId: call.id,
      practice: true,
      interactionId: null,
      code: 'complaint_filed',
      note: '',
      customerId: null,
      recordedAt: '2026-12-07T10:05:00.000Z',
      syncState: 'pending'
    })
    await vi.waitFor(() => {
      expect(useAppStore.getState().practice.scoreError).toContain('No se puede puntuar')
    })
    // The pause lasts until the trainee closes what the desk told them.
    onCall(null, 'idle')
    expect(useAppStore.getState().agent.availability.kind).toBe('not_ready')
    stop()
  })

  it('ends the practice pause when the practice call leaves without a wrap-up', () => {
    const stop = watchPracticeCalls()
    pauseForPractice()
    onCall(call, 'active')
    onCall(null, 'idle')
    expect(useAppStore.getState().agent.availability.kind).toBe('ready')
    expect(useAppStore.getState().practice.pausedForPractice).toBe(false)
    stop()
  })
})
