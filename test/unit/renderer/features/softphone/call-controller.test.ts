import i18next from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { showLookup } from '@renderer/features/screen-pop/commands'
import { CallController } from '@renderer/features/softphone/call-controller'
import {
  defaultPhonePreferences,
  loadPhonePreferences,
  savePhonePreferences
} from '@renderer/features/softphone/phone-preferences'
import { WrapUpGuards } from '@renderer/features/softphone/wrap-up-guards'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState } from '@renderer/telephony/call-session'
import es from '@renderer/i18n/es.json'
import { FakeCall, settle } from './fake-call'
import { MemoryStorage } from '@support/memory-storage'

const phone = () => useAppStore.getState().phone
const lineStates = () => phone().lines.map((l) => `${l.info.remoteNumber}:${l.state}`)

let storage: MemoryStorage
let calls: CallController

/** A controller on the real store, with no data worker (no lookup, no records) and no audio. */
function newController(): CallController {
  return new CallController({
    store: useAppStore,
    callerCard: { lookUp: () => null, show: showLookup },
    recordInteraction: () => undefined,
    preferences: () => loadPhonePreferences(storage),
    callWaitingTone: () => undefined,
    isHidden: () => false,
    notify: () => undefined,
    wrapUpGuards: new WrapUpGuards()
  })
}

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } })
})

beforeEach(() => {
  storage = new MemoryStorage()
  calls = newController()
})

afterEach(() => {
  resetAppStore()
  vi.useRealTimers()
})

/** Ana is talking to the first caller. */
async function onACall(): Promise<FakeCall> {
  const first = new FakeCall('inbound', '600000001')
  calls.incomingCall(first)
  calls.answerCall()
  await settle()
  expect(phone().phase).toBe('active')
  return first
}

describe('call waiting', () => {
  it('rings a second call as waiting, without popping it, and keeps the first in front', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    expect(second.state).toBe(CallState.Ringing)
    expect(phone().call?.id).toBe(first.info.id)
    expect(phone().phase).toBe('active')
    expect(lineStates()).toEqual(['600000002:ringing'])
    expect(useAppStore.getState().screenPop.callId).toBe(first.info.id)
  })

  it('answering the waiting call holds the first and brings the second to the front', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    expect(first.asked).toEqual(['answer', 'hold'])
    expect(second.asked).toEqual(['answer'])
    expect(phone()).toMatchObject({ phase: 'active', call: second.info })
    expect(lineStates()).toEqual(['600000001:held'])
    expect(useAppStore.getState().screenPop.callId).toBe(second.info.id)
  })

  it('swaps between the lines, each time holding one and resuming the other', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.swapLines()
    await settle()
    expect(second.asked).toEqual(['answer', 'hold'])
    expect(first.asked).toEqual(['answer', 'hold', 'resume'])
    expect(phone()).toMatchObject({ phase: 'active', call: first.info })
    expect(lineStates()).toEqual(['600000002:held'])
  })

  it('hanging up the front call brings the held one forward, still held; no wrap-up yet', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.hangUp()
    await settle()
    expect(phone()).toMatchObject({ phase: 'held', call: first.info })
    expect(phone().lines).toEqual([])
    calls.hangUp()
    expect(phone().phase).toBe('wrap_up')
  })

  it('hangs up a background line without touching the front call', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.hangUpLine(first.info.id)
    expect(first.state).toBe(CallState.Ended)
    expect(phone()).toMatchObject({ phase: 'active', call: second.info, lines: [] })
  })

  it('a held call hung up behind the front one gets its own wrap-up after the front call’s', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.hangUpLine(first.info.id)
    expect(phone()).toMatchObject({ phase: 'active', call: second.info })
    calls.hangUp()
    expect(phone()).toMatchObject({ phase: 'wrap_up', call: second.info })
    calls.finishWrapUp()
    expect(phone()).toMatchObject({ phase: 'wrap_up', call: first.info })
    expect(phone().answeredAt).not.toBeNull()
    calls.finishWrapUp()
    expect(phone()).toMatchObject({ phase: 'idle', call: null })
  })

  it('the front call ending while another line is up is wrapped up after the last one', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.hangUp()
    await settle()
    expect(phone()).toMatchObject({ phase: 'held', call: first.info })
    calls.hangUp()
    expect(phone()).toMatchObject({ phase: 'wrap_up', call: first.info })
    calls.finishWrapUp()
    expect(phone()).toMatchObject({ phase: 'wrap_up', call: second.info })
    calls.finishWrapUp()
    expect(phone().phase).toBe('idle')
  })

  it('calls waiting for their wrap-up are dropped at logout, not handed to the next user', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    calls.hangUpLine(first.info.id)
    calls.hangUp()
    calls.dropPendingWrapUps()
    calls.finishWrapUp()
    expect(phone().phase).toBe('idle')
  })

  it('a waiting call never answered needs no wrap-up', async () => {
    await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.declineCall()
    await settle()
    calls.hangUp()
    calls.finishWrapUp()
    expect(phone().phase).toBe('idle')
  })

  it('declines the waiting call, or forgets it when its caller gives up', async () => {
    await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.declineCall()
    expect(second.asked).toEqual(['decline'])
    expect(phone().lines).toEqual([])
    const third = new FakeCall('inbound', '600000003')
    calls.incomingCall(third)
    third.move(CallState.Ended, 'remote')
    expect(phone()).toMatchObject({ phase: 'active', lines: [] })
  })

  it('answering the waiting call ends a call still ringing out', async () => {
    const outbound = new FakeCall('outbound', '1003')
    calls.placeCall(outbound)
    const caller = new FakeCall('inbound', '600000002')
    calls.incomingCall(caller)
    expect(lineStates()).toEqual(['600000002:ringing'])
    calls.answerCall()
    await settle()
    expect(outbound.asked).toEqual(['hangup'])
    expect(phone()).toMatchObject({ phase: 'active', call: caller.info, lines: [] })
  })

  it('declines a second call as busy in single-line mode, and a third call always', async () => {
    savePhonePreferences({ ...defaultPhonePreferences, singleLine: true }, storage)
    await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    expect(second.asked).toEqual(['decline'])

    savePhonePreferences(defaultPhonePreferences, storage)
    const waiting = new FakeCall('inbound', '600000003')
    calls.incomingCall(waiting)
    const third = new FakeCall('inbound', '600000004')
    calls.incomingCall(third)
    expect(third.asked).toEqual(['decline'])
    expect(lineStates()).toEqual(['600000003:ringing'])
  })
})

describe('transfers', () => {
  it('blind transfer ends our leg and goes to wrap-up', async () => {
    const first = await onACall()
    calls.transferBlind('sip:1003@atiende.local')
    await settle()
    expect(first.asked).toEqual(['answer', 'refer sip:1003@atiende.local', 'hangup'])
    expect(phone().phase).toBe('wrap_up')
  })

  it('consults while the caller holds; cancelling returns to the caller, resumed', async () => {
    const first = await onACall()
    expect(await calls.prepareConsult()).toBe(first.info.id)
    const consult = new FakeCall('outbound', '1003')
    calls.placeConsult(consult, first.info.id)
    expect(phone()).toMatchObject({ phase: 'dialing', consultFor: first.info.id })
    consult.move(CallState.Active)
    expect(phone().phase).toBe('active')
    calls.cancelConsult()
    await settle()
    expect(first.asked).toEqual(['answer', 'hold', 'resume'])
    expect(phone()).toMatchObject({ phase: 'active', call: first.info, consultFor: null })
  })

  it('completes an attended transfer with REFER/Replaces and never resumes the caller', async () => {
    const first = await onACall()
    await calls.prepareConsult()
    const consult = new FakeCall('outbound', '1003')
    calls.placeConsult(consult, first.info.id)
    consult.move(CallState.Active)
    calls.completeTransfer()
    await settle()
    expect(first.asked).toEqual(['answer', 'hold', `refer-replaces ${consult.info.id}`])
    // The target replaces the consult leg and hangs it up; then we leave the caller's leg.
    consult.move(CallState.Ended, 'remote')
    expect(phone()).toMatchObject({ phase: 'held', call: first.info })
    first.move(CallState.Ended, 'local')
    expect(first.asked).not.toContain('resume')
    expect(phone().phase).toBe('wrap_up')
    // One wrap-up for the transferred caller; the consultation was an internal call.
    calls.finishWrapUp()
    expect(phone().phase).toBe('idle')
  })

  it('a REFER from the far end moves the line to the new call', async () => {
    const first = await onACall()
    const next = new FakeCall('outbound', '1003', { replacesCallId: first.info.id })
    first.transferredTo(next)
    expect(phone()).toMatchObject({ phase: 'dialing', call: next.info })
    next.move(CallState.Active)
    first.move(CallState.Ended, 'remote')
    expect(phone()).toMatchObject({ phase: 'active', call: next.info, lines: [] })
  })

  it('a call moved onto a background line is held until the agent picks it', async () => {
    const first = await onACall()
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    calls.answerCall()
    await settle()
    const next = new FakeCall('outbound', '1003', { replacesCallId: first.info.id })
    first.transferredTo(next)
    expect(phone().call?.id).toBe(second.info.id)
    next.move(CallState.Active)
    expect(next.asked).toEqual(['hold'])
    first.move(CallState.Ended, 'remote')
    expect(lineStates()).toEqual(['1003:held'])
  })

  it('an INVITE with Replaces takes over its call at once, without ringing', async () => {
    const first = await onACall()
    const replacing = new FakeCall('inbound', '1001', { replacesCallId: first.info.id })
    calls.incomingCall(replacing)
    expect(replacing.asked).toEqual(['answer'])
    first.move(CallState.Ended, 'remote')
    expect(phone()).toMatchObject({ phase: 'active', call: replacing.info, lines: [] })
  })
})

describe('auto-answer', () => {
  it('answers a call that asks for it after its delay, when the agent allows requests', async () => {
    vi.useFakeTimers()
    savePhonePreferences({ ...defaultPhonePreferences, autoAnswer: 'requested' }, storage)
    const plain = new FakeCall('inbound', '600000001')
    calls.incomingCall(plain)
    await vi.advanceTimersByTimeAsync(5000)
    expect(plain.asked).toEqual([])
    plain.move(CallState.Ended, 'remote')

    const intercom = new FakeCall('inbound', '2001', { answerAfterSeconds: 2 })
    calls.incomingCall(intercom)
    await vi.advanceTimersByTimeAsync(1900)
    expect(intercom.asked).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(intercom.asked).toEqual(['answer'])
    expect(phone().phase).toBe('active')
  })

  it('never auto-answers a call waiting', async () => {
    vi.useFakeTimers()
    savePhonePreferences({ ...defaultPhonePreferences, autoAnswer: 'always' }, storage)
    const first = new FakeCall('inbound', '600000001')
    calls.incomingCall(first)
    await vi.advanceTimersByTimeAsync(10)
    expect(first.asked).toEqual(['answer'])
    const second = new FakeCall('inbound', '600000002')
    calls.incomingCall(second)
    await vi.advanceTimersByTimeAsync(5000)
    expect(second.asked).toEqual([])
  })
})

describe('outbound calls and received digits', () => {
  it('cancels an outbound call after the ring timeout and says nobody answered', async () => {
    vi.useFakeTimers()
    savePhonePreferences({ ...defaultPhonePreferences, ringTimeoutSeconds: 5 }, storage)
    const call = new FakeCall('outbound', '1002')
    calls.placeCall(call)
    await vi.advanceTimersByTimeAsync(4900)
    expect(call.asked).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(call.asked).toEqual(['hangup'])
    expect(phone()).toMatchObject({ phase: 'idle', lastError: 'No contesta' })
  })

  it('shows the digits the front call received', async () => {
    const first = await onACall()
    first.sentDigit('4')
    first.sentDigit('2')
    expect(phone().digitsReceived).toBe('42')
  })
})
