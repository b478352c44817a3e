import { describe, expect, it } from 'vitest'

import { linkTarget, planDial } from '@renderer/features/softphone/dial-number'
import {
  autoAnswerDelay,
  defaultPhonePreferences,
  loadPhonePreferences
} from '@renderer/features/softphone/phone-preferences'
import { dtmfFromInfoBody, sipfragStatus } from '@renderer/telephony/sip-call'
import { requestedAnswerDelay } from '@renderer/telephony/sip-headers'

const headers =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name]

function storageWith(value: string): Storage {
  const items = new Map([['atiende.softphone-preferences', value]])
  return {
    length: items.size,
    clear: () => undefined,
    key: () => null,
    removeItem: () => undefined,
    setItem: (key: string, stored: string) => {
      items.set(key, stored)
    },
    getItem: (key: string) => items.get(key) ?? null
  }
}

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

describe('phone preferences', () => {
  it('keeps the valid stored fields and defaults the rest', () => {
    const stored = JSON.stringify({ singleLine: true, dtmfMethod: 'carrier-pigeon' })
    expect(loadPhonePreferences(storageWith(stored))).toEqual({
      ...defaultPhonePreferences,
      singleLine: true
    })
    expect(loadPhonePreferences(storageWith('{not json'))).toEqual(defaultPhonePreferences)
  })

  it('sees a change stored after a read (here, or by another window)', () => {
    const storage = storageWith(JSON.stringify({ singleLine: true }))
    expect(loadPhonePreferences(storage).singleLine).toBe(true)
    storage.setItem('atiende.softphone-preferences', JSON.stringify({ singleLine: false }))
    expect(loadPhonePreferences(storage).singleLine).toBe(false)
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

describe('tel: and sip: links', () => {
  it('dials the number of a tel: link and a SIP URI as it is', () => {
    expect(linkTarget('tel:+34911234567')).toBe('+34911234567')
    expect(linkTarget('TEL:%2B34911234567;phone-context=example.com')).toBe('+34911234567')
    expect(linkTarget('sip:alice@pbx.example.com')).toBe('sip:alice@pbx.example.com')
    expect(planDial(linkTarget('tel:+34911234567'), 'ES', '')).toEqual({
      ok: true,
      target: '+34911234567'
    })
  })
})
