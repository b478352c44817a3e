/**
 * The caller numbers a screen pop meets, Spanish and Latin American spellings included, and the
 * CTI header values it accepts as ids.
 */
import { describe, expect, it } from 'vitest'

import { classifyCaller } from '@renderer/workers/data/customers/queries'
import { ctiIdsFrom, parseCtiHeaderNames } from '@shared/domain/cti-headers'

const table: [raw: string, country: string, kind: string, e164: string | null][] = [
  // Spain: national, with spaces/dashes/dots, 00 and + prefixes, landlines.
  ['612 34 56 78', 'ES', 'number', '+34612345678'],
  ['612.34.56.78', 'ES', 'number', '+34612345678'],
  ['0034 612-345-678', 'ES', 'number', '+34612345678'],
  ['+34 612 345 678', 'MX', 'number', '+34612345678'],
  ['91 123 45 67', 'ES', 'number', '+34911234567'],
  ['tel:+34-91-123-45-67', 'ES', 'number', '+34911234567'],
  // Mexico: national, the legacy mobile "1", international from Spain.
  ['55 1234 5678', 'MX', 'number', '+525512345678'],
  ['+52 1 55 1234 5678', 'ES', 'number', '+525512345678'],
  ['0052 33 1234 5678', 'ES', 'number', '+523312345678'],
  // Colombia, Argentina, Chile, Peru.
  ['300 123 4567', 'CO', 'number', '+573001234567'],
  ['(601) 234 5678', 'CO', 'number', '+576012345678'],
  ['011 4123-4567', 'AR', 'number', '+541141234567'],
  ['+54 9 11 4123-4567', 'ES', 'number', '+5491141234567'],
  ['9 6123 4567', 'CL', 'number', '+56961234567'],
  ['987 654 321', 'PE', 'number', '+51987654321'],
  // An extension dialled after the number keeps the number.
  ['+34 91 123 45 67 ext. 204', 'ES', 'number', '+34911234567'],
  ['(415) 555-2671 x12', 'US', 'number', '+14155552671'],
  // Withheld callers in the words PBXs and carriers use.
  ['anonymous', 'ES', 'withheld', null],
  ['Anónimo', 'ES', 'withheld', null],
  ['restricted', 'ES', 'withheld', null],
  ['', 'ES', 'withheld', null],
  // Internal extensions and garbage.
  ['2001', 'ES', 'extension', null],
  ['hello', 'ES', 'invalid', null],
  ['612 34 56 78', 'XX', 'invalid', null]
]

describe('caller numbers on ring', () => {
  it.each(table)('%j with default country %s is %s %s', (raw, country, kind, e164) => {
    expect(classifyCaller(raw, country)).toEqual({ caller: kind, e164 })
  })
})

describe('CTI header ids', () => {
  it('takes configured names (or the default list) in order, lower-cased', () => {
    expect(parseCtiHeaderNames(null)).toEqual(['x-customer-id', 'x-account'])
    expect(parseCtiHeaderNames(' X-Account , x-ivr-ref,bad name ')).toEqual([
      'x-account',
      'x-ivr-ref'
    ])
  })

  it('keeps short printable values and drops control and bidi characters', () => {
    const headers = {
      'x-customer-id': '  CUST-0000001\u202e ',
      'x-account': 'A'.repeat(500),
      'x-other': 'ignored'
    }
    expect(ctiIdsFrom(headers, ['x-customer-id', 'x-account'])).toEqual(['CUST-0000001'])
    expect(ctiIdsFrom({}, ['x-customer-id'])).toEqual([])
  })
})
