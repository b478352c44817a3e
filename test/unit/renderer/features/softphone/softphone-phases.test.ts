import { afterEach, describe, expect, it } from 'vitest'

import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import type { CallInfo } from '@renderer/telephony/call-session'

const outbound: CallInfo = {
  id: 'o1',
  kind: 'sip',
  direction: 'outbound',
  remoteNumber: '1002',
  remoteDisplayName: null,
  ctiHeaders: {},
  startedAt: '2026-11-24T10:00:00.000Z'
}
const s = () => useAppStore.getState()

afterEach(resetAppStore)

describe('phone phases for SIP calls', () => {
  it('walks dial → active ⇄ held → wrap-up, and unmutes at the end', () => {
    s().callDialing(outbound)
    expect(s().phone.phase).toBe('dialing')
    s().callAnswered()
    s().muteChanged(true)
    s().callHeld()
    expect(s().phone.phase).toBe('held')
    s().callResumed()
    s().callHeld()
    s().callEnded()
    expect(s().phone).toMatchObject({ phase: 'wrap_up', isMuted: false })
  })

  it('returns to idle when an outbound call is never answered', () => {
    s().callDialing(outbound)
    s().callEnded()
    expect(s().phone).toMatchObject({ phase: 'idle', call: null })
  })

  it('refuses holding a call that is not up, and dialling during a call', () => {
    expect(() => {
      s().callHeld()
    }).toThrow(/idle → held/)
    s().callDialing(outbound)
    expect(() => {
      s().callDialing(outbound)
    }).toThrow(/dialing → dialing/)
  })

  it('keeps the line status apart from the call', () => {
    s().lineChanged({ state: 'unconfigured' })
    expect(s().phone.line).toEqual({ state: 'unconfigured' })
  })
})
