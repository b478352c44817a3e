import { describe, expect, it } from 'vitest'

import { formatCaseNumber } from '@server/complaints/complaint-create'

describe('formatCaseNumber', () => {
  it('pads to six digits and keeps wider numbers whole', () => {
    expect(formatCaseNumber(123)).toBe('QR-000123')
    expect(formatCaseNumber(1234567)).toBe('QR-1234567')
  })
})
