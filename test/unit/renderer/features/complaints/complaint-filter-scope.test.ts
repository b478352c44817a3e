import { describe, expect, it } from 'vitest'

import { effectiveComplaintFilter } from '@renderer/features/complaints/commands'
import { defaultComplaintListFilter } from '@renderer/features/complaints/store'

describe('whose complaints the list opens on', () => {
  it('the queue for those who work one (a trainer: the practice cases), else their own', () => {
    expect(effectiveComplaintFilter(null, 'team_lead').scope).toBe('team')
    expect(effectiveComplaintFilter(null, 'trainer').scope).toBe('team')
    expect(effectiveComplaintFilter(null, 'agent').scope).toBe('mine')
    // A trainer opening an escalation from Training lands on it in the practice queue.
    const chosen = { ...defaultComplaintListFilter, scope: 'team' as const, search: 'QR-000001' }
    expect(effectiveComplaintFilter(chosen, 'trainer')).toEqual(chosen)
  })
})
