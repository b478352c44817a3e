import { describe, expect, it } from 'vitest'

import { normalizePhone, toE164, type CountryCode } from '@shared/phone/normalize'

const table: [raw: string, country: CountryCode, expected: string | null][] = [
  ['612 34 56 78', 'ES', '+34612345678'],
  ['612-345-678', 'ES', '+34612345678'],
  ['0034 612 345 678', 'ES', '+34612345678'],
  ['+34 (612) 345 678', 'MX', '+34612345678'],
  ['91 123 45 67', 'ES', '+34911234567'],
  ['55 1234 5678', 'MX', '+525512345678'],
  ['+52 1 55 1234 5678', 'ES', '+525512345678'],
  ['(601) 234 5678', 'CO', '+576012345678'],
  ['300 123 4567', 'CO', '+573001234567'],
  ['011 4123-4567', 'AR', '+541141234567'],
  ['9 6123 4567', 'CL', '+56961234567'],
  ['(415) 555-2671', 'US', '+14155552671'],
  ['+1 415 555 2671', 'ES', '+14155552671'],
  ['hello', 'ES', null],
  ['12', 'ES', null]
]

describe('normalizePhone', () => {
  it.each(table)('normalizes %s (default %s) to %s', (raw, country, expected) => {
    expect(toE164(raw, country)).toBe(expected)
  })

  it('treats withheld callers as withheld in Spanish and English', () => {
    for (const raw of ['anonymous', 'Anonymous', 'private', 'Anónimo', 'desconocido', '']) {
      expect(normalizePhone(raw, 'ES')).toEqual({ kind: 'withheld' })
    }
  })

  it('keeps short internal extensions apart from phone numbers', () => {
    expect(normalizePhone('2001', 'ES')).toEqual({ kind: 'extension', digits: '2001' })
  })

  it('keeps an extension dialled after the number', () => {
    expect(normalizePhone('+1 415 555 2671 ext. 12', 'US')).toEqual({
      kind: 'e164',
      e164: '+14155552671',
      extension: '12'
    })
  })

  it('reports garbage as invalid with the original text', () => {
    expect(normalizePhone('<script>', 'ES')).toEqual({ kind: 'invalid', raw: '<script>' })
  })
})
