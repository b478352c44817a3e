import { describe, expect, it } from 'vitest'

import type { DispositionCode } from '@shared/domain/configuration'
import { dispositionFromOutcome } from '@shared/domain/disposition-preselect'
import { defaultDispositionCodes } from '@server/seed/default-configuration'

const codes: readonly DispositionCode[] = defaultDispositionCodes

describe('dispositionFromOutcome', () => {
  it('takes a configured code as it is, hyphens read as underscores', () => {
    expect(dispositionFromOutcome('resolved', codes)).toBe('resolved')
    expect(dispositionFromOutcome('wrong-number', codes)).toBe('wrong_number')
    expect(dispositionFromOutcome('Sale', codes)).toBe('sale')
  })

  it('matches the sample scripts’ outcomes by their first word when exactly one code shares it', () => {
    expect(dispositionFromOutcome('callback', codes)).toBe('callback_scheduled')
    expect(dispositionFromOutcome('complaint-logged', codes)).toBe('complaint_filed')
    expect(dispositionFromOutcome('complaint', codes)).toBe('complaint_filed')
  })

  it('suggests nothing for an outcome no code fits, an ambiguous one, or a retired code', () => {
    expect(dispositionFromOutcome('survey-completed', codes)).toBeNull()
    expect(dispositionFromOutcome('', codes)).toBeNull()
    const twins: DispositionCode[] = [
      {
        code: 'sale_new',
        label: { es: 'a', en: 'a' },
        needsCallback: false,
        active: true,
        sortOrder: 1
      },
      {
        code: 'sale_upgrade',
        label: { es: 'b', en: 'b' },
        needsCallback: false,
        active: true,
        sortOrder: 2
      }
    ]
    expect(dispositionFromOutcome('sale', twins)).toBeNull()
    const retired = codes.map((c) => (c.code === 'resolved' ? { ...c, active: false } : c))
    expect(dispositionFromOutcome('resolved', retired)).toBeNull()
  })
})
