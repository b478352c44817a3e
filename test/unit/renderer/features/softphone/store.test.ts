import { afterEach, describe, expect, it } from 'vitest'

import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState, type CallInfo } from '@renderer/telephony/call-session'

const info: CallInfo = {
  id: 'c1',
  kind: 'practice',
  direction: 'inbound',
  remoteNumber: '612345678',
  remoteDisplayName: null,
  ctiHeaders: {},
  startedAt: '2026-11-24T10:00:00.000Z'
}

afterEach(resetAppStore)

describe('softphone slice', () => {
  it('walks ring → connecting → active → wrap-up → idle', () => {
    const s = () => useAppStore.getState()
    s().callRinging(info)
    expect(s().phone.phase).toBe('ringing')
    s().callConnecting()
    s().callAnswered()
    expect(s().phone.phase).toBe('active')
    expect(s().phone.answeredAt).not.toBeNull()
    s().callEnded()
    expect(s().phone.phase).toBe('wrap_up')
    s().wrapUpFinished()
    expect(s().phone).toMatchObject({ phase: 'idle', call: null })
  })

  it('goes straight back to idle when a ringing call is abandoned', () => {
    useAppStore.getState().callRinging(info)
    useAppStore.getState().callEnded()
    expect(useAppStore.getState().phone.phase).toBe('idle')
  })

  it('puts another line in front with its own phase, but never over after-call work', () => {
    const s = () => useAppStore.getState()
    s().callRinging(info)
    s().callConnecting()
    s().callAnswered()
    const other = { ...info, id: 'c2' }
    s().lineFocused({ info: other, state: CallState.Held, answeredAt: null, isMuted: true })
    expect(s().phone).toMatchObject({ phase: 'held', call: other, isMuted: true })
    s().callEnded()
    expect(() => {
      s().lineFocused({ info, state: CallState.Active, answeredAt: null, isMuted: false })
    }).toThrow(/illegal line focus wrap_up/)
  })

  it('refuses illegal transitions and says so', () => {
    expect(() => {
      useAppStore.getState().callAnswered()
    }).toThrow(/illegal phone transition idle → active/)
    useAppStore.getState().callRinging(info)
    expect(() => {
      useAppStore.getState().callRinging({ ...info, id: 'c2' })
    }).toThrow(/ringing → ringing/)
  })
})
