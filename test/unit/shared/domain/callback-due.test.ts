import { describe, expect, it } from 'vitest'

import {
  callbackDueState,
  callbacksComingDue,
  dueFromScript,
  DUE_SOON_MS,
  OVERDUE_GRACE_MS
} from '@shared/domain/callback-due'

const now = new Date('2026-11-24T10:00:00.000Z')
const at = (offsetMs: number): string => new Date(now.getTime() + offsetMs).toISOString()

describe('callbackDueState', () => {
  it('is upcoming before the due-soon window, due inside it and through the grace period', () => {
    expect(callbackDueState({ dueAt: at(DUE_SOON_MS + 1), status: 'open' }, now)).toBe('upcoming')
    expect(callbackDueState({ dueAt: at(DUE_SOON_MS), status: 'open' }, now)).toBe('due')
    expect(callbackDueState({ dueAt: at(0), status: 'open' }, now)).toBe('due')
    expect(callbackDueState({ dueAt: at(-OVERDUE_GRACE_MS), status: 'open' }, now)).toBe('due')
  })

  it('is overdue once the grace period has passed, and done whatever the time once made', () => {
    expect(callbackDueState({ dueAt: at(-OVERDUE_GRACE_MS - 1), status: 'open' }, now)).toBe(
      'overdue'
    )
    expect(callbackDueState({ dueAt: at(-86_400_000), status: 'done' }, now)).toBe('done')
    expect(callbackDueState({ dueAt: at(86_400_000), status: 'done' }, now)).toBe('done')
  })
})

describe('callbacksComingDue', () => {
  it('lists the open callbacks whose time has come, oldest first, and nothing else', () => {
    const list = [
      { id: 'later', dueAt: at(60_000), status: 'open' as const },
      { id: 'now', dueAt: at(0), status: 'open' as const },
      { id: 'made', dueAt: at(-120_000), status: 'done' as const },
      { id: 'late', dueAt: at(-3_600_000), status: 'open' as const }
    ]
    expect(callbacksComingDue(list, now).map((c) => c.id)).toEqual(['late', 'now'])
  })
})

describe('dueFromScript', () => {
  it('keeps an exact instant, puts a chosen day at the given local hour, and leaves none as none', () => {
    expect(dueFromScript({ at: '2026-11-24T12:30:00.000Z' })?.toISOString()).toBe(
      '2026-11-24T12:30:00.000Z'
    )
    const day = dueFromScript({ date: '2026-12-01' }, 9)
    expect([day?.getFullYear(), day?.getMonth(), day?.getDate(), day?.getHours()]).toEqual([
      2026, 11, 1, 9
    ])
    expect(dueFromScript(null)).toBeNull()
  })
})
