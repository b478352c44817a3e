import { describe, expect, it } from 'vitest'

import { CallState, canTransition } from '@renderer/telephony/call-session'

describe('call states', () => {
  it('lets an outbound call go from dialing to active or ended only', () => {
    expect(canTransition(CallState.Dialing, CallState.Active)).toBe(true)
    expect(canTransition(CallState.Dialing, CallState.Ended)).toBe(true)
    expect(canTransition(CallState.Dialing, CallState.Connecting)).toBe(false)
    expect(canTransition(CallState.Dialing, CallState.Held)).toBe(false)
  })
})
