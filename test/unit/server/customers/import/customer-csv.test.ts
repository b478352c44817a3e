import { describe, expect, it } from 'vitest'

import { CsvFormatError, parseCustomerCsv } from '@server/customers/import/customer-csv'

const header = 'external_ref,first_name,last_name,phones,emails,preferred_language,do_not_call'

describe('parseCustomerCsv', () => {
  it('normalizes phones to E.164 and splits lists', () => {
    const { rows, issues } = parseCustomerCsv(
      `${header}\nC-1,José,Núñez,612 34 56 78|0034 912 345 678,JOSE@example.com,es,no\n`,
      'ES'
    )
    expect(issues).toEqual([])
    expect(rows[0]).toMatchObject({
      externalRef: 'C-1',
      firstName: 'José',
      phones: [
        { e164: '+34612345678', kind: 'mobile' },
        { e164: '+34912345678', kind: 'mobile' }
      ],
      emails: ['jose@example.com'],
      doNotCall: false
    })
  })

  it('reports every bad row with its line and reasons, and keeps the good ones', () => {
    const text = [
      header,
      'C-1,Ana,Ortiz,612345678,,es,no',
      ',Sin,Referencia,612345679,,es,no',
      'C-3,Luis,Pérez,12,not-an-email,fr,maybe',
      'C-1,Ana,Repetida,612345670,,es,no'
    ].join('\n')
    const { rows, issues } = parseCustomerCsv(text, 'ES')
    expect(rows.map((r) => r.externalRef)).toEqual(['C-1'])
    expect(issues.map((i) => i.line)).toEqual([3, 4, 5])
    expect(issues[0]?.errors).toContain('external_ref is required')
    expect(issues[1]?.errors.join(' ')).toMatch(/preferred_language must be es or en/)
    expect(issues[1]?.errors.join(' ')).toMatch(/do_not_call must be yes or no/)
    expect(issues[2]?.errors).toEqual(['external_ref repeats line 2'])
  })

  it('reads a semicolon-separated export with a BOM, as Spanish spreadsheets write it', () => {
    const text = '\uFEFFexternal_ref;first_name;last_name;do_not_call\nC-9;María;Peña;sí\n'
    const { rows, issues } = parseCustomerCsv(text, 'ES')
    expect(issues).toEqual([])
    expect(rows[0]).toMatchObject({ externalRef: 'C-9', lastName: 'Peña', doNotCall: true })
  })

  it('reports phone and email problems by value', () => {
    const { issues } = parseCustomerCsv(`${header}\nC-2,Ana,Ruiz,hello,a@b,es,no\n`, 'ES')
    expect(issues[0]?.errors).toEqual([
      'phone "hello" is not a valid number for ES',
      'email "a@b" is invalid'
    ])
  })

  it('refuses a file that is not CSV with a clear error', () => {
    expect(() => parseCustomerCsv(`${header}\n"unterminated,quote\n`, 'ES')).toThrow(CsvFormatError)
  })
})
