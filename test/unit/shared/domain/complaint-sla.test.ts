import { describe, expect, it } from 'vitest'

import { cacheFreshness } from '@shared/domain/cache-freshness'
import { complaintSla, isOpenComplaint } from '@shared/domain/complaint-sla'

const now = new Date('2025-06-30T12:00:00.000Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()

describe('complaint SLA (48 h, due soon in the last 12 h)', () => {
  it.each([
    [0, 'on_time'],
    [35.9, 'on_time'],
    [36, 'due_soon'],
    [47.9, 'due_soon'],
    [48, 'overdue'],
    [200, 'overdue']
  ] as const)('%s h after filing is %s', (hours, state) => {
    expect(complaintSla(hoursAgo(hours), now)).toBe(state)
  })

  it('treats an unreadable date as overdue, and only open statuses as open', () => {
    expect(complaintSla('yesterday', now)).toBe('overdue')
    expect(
      ['open', 'in_progress', 'resolved', 'closed'].map((status) => isOpenComplaint({ status }))
    ).toEqual([true, true, false, false])
  })
})

describe('cache freshness (stale after 15 min)', () => {
  it('is fresh up to 15 minutes after the last sync, stale after, never without one', () => {
    expect(cacheFreshness(hoursAgo(14 / 60), now)).toBe('fresh')
    expect(cacheFreshness(hoursAgo(16 / 60), now)).toBe('stale')
    expect(cacheFreshness(null, now)).toBe('never')
    expect(cacheFreshness('garbage', now)).toBe('never')
  })
})
