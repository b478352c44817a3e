import { describe, expect, it } from 'vitest'

import { autoAnswerDelay } from '@renderer/features/softphone/phone-preferences'
import { dtmfFromInfoBody, sipfragStatus } from '@renderer/telephony/sip-call'
import { requestedAnswerDelay } from '@renderer/telephony/sip-headers'

const headers =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name]

describe('SIP INFO DTMF bodies', () => {
  it('reads the digit of application/dtmf-relay and application/dtmf', () => {
    expect(dtmfFromInfoBody('application/dtmf-relay', 'Signal=5\r\nDuration=160')).toBe('5')
    expect(dtmfFromInfoBody('Application/DTMF-Relay; x=1', 'signal= #\r\n')).toBe('#')
    expect(dtmfFromInfoBody('application/dtmf', ' a ')).toBe('A')
  })

  it('ignores other bodies and anything that is not a DTMF tone', () => {
    expect(dtmfFromInfoBody('application/dtmf-relay', 'Signal=X')).toBeNull()
    expect(dtmfFromInfoBody('text/plain', 'Signal=5')).toBeNull()
    expect(dtmfFromInfoBody('application/dtmf', '55')).toBeNull()
  })
})

describe('REFER progress (NOTIFY sipfrag)', () => {
  it('reads the status code of the transferred call', () => {
    expect(sipfragStatus('SIP/2.0 100 Trying')).toBe(100)
    expect(sipfragStatus('SIP/2.0 200 OK\r\n')).toBe(200)
    expect(sipfragStatus('nonsense')).toBeNull()
  })
})

describe('auto-answer', () => {
  it('reads the answer delay a PBX asks for, capped, in the common vendor forms', () => {
    expect(requestedAnswerDelay(headers({ 'Call-Info': '<sip:pbx>;answer-after=0' }))).toBe(0)
    expect(requestedAnswerDelay(headers({ 'Call-Info': '<sip:pbx>; Answer-After = 3' }))).toBe(3)
    expect(requestedAnswerDelay(headers({ 'Call-Info': '<sip:pbx>;answer-after=999' }))).toBe(60)
    expect(requestedAnswerDelay(headers({ 'Alert-Info': 'info=alert-autoanswer' }))).toBe(0)
    expect(requestedAnswerDelay(headers({ 'Alert-Info': 'Auto Answer' }))).toBe(0)
    expect(
      requestedAnswerDelay(headers({ 'Call-Info': '<http://x/photo.png>;purpose=icon' }))
    ).toBe(null)
  })

  it('answers only as the agent chose: never, when asked, or always', () => {
    expect(autoAnswerDelay('never', 0)).toBeNull()
    expect(autoAnswerDelay('requested', undefined)).toBeNull()
    expect(autoAnswerDelay('requested', 2)).toBe(2)
    expect(autoAnswerDelay('always', undefined)).toBe(0)
    expect(autoAnswerDelay('always', 5)).toBe(5)
  })
})
