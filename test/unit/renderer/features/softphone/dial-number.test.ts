import { describe, expect, it } from 'vitest'

import { linkTarget, planDial } from '@renderer/features/softphone/dial-number'

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
