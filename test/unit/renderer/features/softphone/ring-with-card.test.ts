import i18next from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { CustomerMatch } from '@shared/contract/worker'
import { ok, type Result } from '@shared/contract/result'
import { customer } from '@support/worker-store'
import type { DataClient } from '@renderer/data/worker-client'
import { lookUpCaller, showLookup } from '@renderer/features/screen-pop/commands'
import { CallController } from '@renderer/features/softphone/call-controller'
import { defaultPhonePreferences } from '@renderer/features/softphone/phone-preferences'
import { WrapUpGuards } from '@renderer/features/softphone/wrap-up-guards'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState } from '@renderer/telephony/call-session'
import es from '@renderer/i18n/es.json'
import { FakeCall, settle } from './fake-call'

/**
 * The data worker, played by the test (no Worker exists under Node): the cache's answer to
 * `customer:match` arrives when the test says. Every other request answers empty.
 */
const worker = {
  answerMatch: null as ((result: Result<unknown>) => void) | null,
  matches: 0
}
const fakeClient: DataClient = {
  // One untyped answer for every request name: the test only ever reads the match.
  send: ((name: string) =>
    new Promise<Result<unknown>>((resolve) => {
      if (name !== 'customer:match') {
        resolve({ ok: true, data: {} })
        return
      }
      worker.matches++
      worker.answerMatch = resolve
    })) as DataClient['send'],
  listen: () => () => undefined
}

let calls: CallController

/** A controller whose card asks the fake worker, as the app's asks the real one. */
function newController(): CallController {
  return new CallController({
    store: useAppStore,
    callerCard: { lookUp: (info) => lookUpCaller(info, fakeClient), show: showLookup },
    recordInteraction: () => undefined,
    preferences: () => defaultPhonePreferences,
    callWaitingTone: () => undefined,
    isHidden: () => false,
    notify: () => undefined,
    wrapUpGuards: new WrapUpGuards()
  })
}

const jose = customer({ firstName: 'José', phones: [{ e164: '+34612345678', kind: 'mobile' }] })
const found: CustomerMatch = {
  matchedBy: 'phone',
  normalizedNumber: '+34612345678',
  customers: [jose]
}

/** What the views saw after each store change: the phone's phase and the card's state. */
function watchViews(): string[] {
  const seen: string[] = []
  useAppStore.subscribe((s) => {
    seen.push(`${s.phone.phase}/${s.screenPop.status}`)
  })
  return seen
}

const answerMatch = (match: CustomerMatch) => {
  worker.answerMatch?.(ok(match))
}

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } })
})

beforeEach(() => {
  worker.answerMatch = null
  worker.matches = 0
  calls = newController()
})

afterEach(() => {
  resetAppStore()
  vi.useRealTimers()
})

describe('a ring and its card', () => {
  it('show together when the cache answers within the frame: no ringing view without the card', async () => {
    const seen = watchViews()
    const call = new FakeCall('inbound', '612345678')
    calls.incomingCall(call)
    expect(worker.matches).toBe(1)
    expect(useAppStore.getState().phone.phase).toBe('idle')
    answerMatch(found)
    await settle()
    expect(useAppStore.getState().phone).toMatchObject({ phase: 'ringing', call: call.info })
    expect(useAppStore.getState().screenPop).toMatchObject({ status: 'done', customer: jose })
    expect(seen.filter((s) => s.startsWith('ringing/') && s !== 'ringing/done')).toEqual([])
  })

  it('rings after one frame when the cache is slow, and the card follows', async () => {
    vi.useFakeTimers()
    calls.incomingCall(new FakeCall('inbound', '612345678'))
    await vi.advanceTimersByTimeAsync(15)
    expect(useAppStore.getState().phone.phase).toBe('idle')
    await vi.advanceTimersByTimeAsync(1)
    expect(useAppStore.getState().phone.phase).toBe('ringing')
    expect(useAppStore.getState().screenPop.status).toBe('looking')
    answerMatch(found)
    await vi.advanceTimersByTimeAsync(0)
    expect(useAppStore.getState().screenPop).toMatchObject({ status: 'done', customer: jose })
  })

  it('leaves no ringing view for a caller who hung up while the ring waited', async () => {
    const call = new FakeCall('inbound', '612345678')
    calls.incomingCall(call)
    await call.hangup()
    answerMatch(found)
    await settle()
    expect(useAppStore.getState().phone).toMatchObject({ phase: 'idle', call: null })
    expect(useAppStore.getState().screenPop.status).toBe('idle')
  })

  it('is not answered by a shortcut before its ringing view is up', async () => {
    const call = new FakeCall('inbound', '612345678')
    calls.incomingCall(call)
    calls.answerCall()
    expect(call.state).toBe(CallState.Ringing)
    answerMatch(found)
    await settle()
    calls.answerCall()
    await settle()
    expect(call.asked).toEqual(['answer'])
    expect(useAppStore.getState().phone.phase).toBe('active')
  })
})
