import { describe, expect, it } from 'vitest'

import { CallState, canTransition } from '@renderer/telephony/call-session'
import { PracticeCall } from '@renderer/telephony/practice-call'
import { winBackCall as scenario } from '../support/practice-call'

describe('PracticeCall', () => {
  it('rings, connects and ends through the CallSession interface', async () => {
    const call = new PracticeCall({ scenario, connectDelayMs: 1 })
    const seen: string[] = []
    call.subscribe({ onStateChange: (s, by) => seen.push(by ? `${s}:${by}` : s) })
    expect(call.state).toBe(CallState.Ringing)
    // The persona's fictional number is the caller ID; the call carries its scenario.
    expect(call.info).toMatchObject({
      kind: 'practice',
      direction: 'inbound',
      remoteNumber: '+447700900101',
      remoteDisplayName: 'Marta Vidal',
      practice: scenario
    })
    await call.answer()
    await call.hangup()
    expect(seen).toEqual(['connecting', 'active', 'ended:local'])
  })

  it('reports a remote hang-up', () => {
    const call = new PracticeCall({ scenario })
    const seen: string[] = []
    call.subscribe({ onStateChange: (s, by) => seen.push(`${s}:${String(by)}`) })
    call.remoteHangup()
    expect(seen).toEqual(['ended:remote'])
  })

  it('cannot decline a call that already ended', async () => {
    const call = new PracticeCall({ scenario })
    await call.decline()
    await expect(call.decline()).rejects.toThrow(/ended/)
  })

  it('follows the documented transition diagram', () => {
    expect(canTransition(CallState.Ringing, CallState.Active)).toBe(false)
    expect(canTransition(CallState.Active, CallState.Held)).toBe(true)
    expect(canTransition(CallState.Ended, CallState.Ringing)).toBe(false)
  })
})
