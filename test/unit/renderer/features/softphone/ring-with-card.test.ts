import i18next from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { CustomerMatch } from '@shared/contract/worker'
import { ok, type Result } from '@shared/contract/result'
import { customer } from '@support/worker-store'

// The audio device runtime reads its saved choice when imported; give it an empty store.
vi.hoisted(() => {
  const empty = { getItem: () => null, setItem: () => undefined }
  Object.assign(globalThis, { localStorage: empty })
})

/**
 * The data worker, played by the test (no Worker exists under Node): the cache's answer to
 * `customer:match` arrives when the test says. Every other request answers empty.
 */
const worker = vi.hoisted(() => ({
  answerMatch: null as ((result: Result<unknown>) => void) | null,
  matches: 0
}))
vi.mock('@renderer/data/data-client', () => ({
  dataClient: () => ({
    send: (name: string) =>
      new Promise((resolve) => {
        if (name !== 'customer:match') {
          resolve({ ok: true, data: {} })
          return
        }
        worker.matches++
        worker.answerMatch = resolve
      }),
    listen: () => () => undefined
  })
}))

import { answerCall, incomingCall, resetCallLines } from '@renderer/features/softphone/commands'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState } from '@renderer/telephony/call-session'
import es from '@renderer/i18n/es.json'
import { FakeCall, settle } from './fake-call'

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
  vi.stubGlobal('document', { hidden: false })
  worker.answerMatch = null
  worker.matches = 0
})

afterEach(() => {
  resetCallLines()
  resetAppStore()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('a ring and its card', () => {
  it('show together when the cache answers within the frame: no ringing view without the card', async () => {
    const seen = watchViews()
    const call = new FakeCall('inbound', '612345678')
    incomingCall(call)
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
    incomingCall(new FakeCall('inbound', '612345678'))
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
    incomingCall(call)
    await call.hangup()
    answerMatch(found)
    await settle()
    expect(useAppStore.getState().phone).toMatchObject({ phase: 'idle', call: null })
    expect(useAppStore.getState().screenPop.status).toBe('idle')
  })

  it('is not answered by a shortcut before its ringing view is up', async () => {
    const call = new FakeCall('inbound', '612345678')
    incomingCall(call)
    answerCall()
    expect(call.state).toBe(CallState.Ringing)
    answerMatch(found)
    await settle()
    answerCall()
    await settle()
    expect(call.asked).toEqual(['answer'])
    expect(useAppStore.getState().phone.phase).toBe('active')
  })
})
