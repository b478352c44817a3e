import { describe, expect, it } from 'vitest'

import {
  availableActions,
  countsAgainstSla,
  lifecycleActions,
  lifecycleStatuses,
  lifecycleTransition,
  type LifecycleAction,
  type LifecycleStatus
} from '@shared/domain/complaint-lifecycle'
import {
  DEFAULT_SLA_HOURS,
  slaDueAt,
  slaRemainingMs,
  slaStatus,
  type Severity
} from '@shared/domain/complaint-severity'
import {
  compensationRequestSchema,
  decideAuthority,
  type GrantContext
} from '@shared/domain/compensation'
import type { CompensationLimits } from '@shared/domain/configuration'

describe('complaint lifecycle', () => {
  // Every (status, action) pair: the status it leads to for an agent, or null when refused.
  const expected: Record<LifecycleStatus, Partial<Record<LifecycleAction, LifecycleStatus>>> = {
    open: { start: 'in_progress', await_customer: 'awaiting_customer', resolve: 'resolved' },
    in_progress: { await_customer: 'awaiting_customer', resolve: 'resolved' },
    awaiting_customer: { customer_replied: 'in_progress', resolve: 'resolved' },
    resolved: { reopen: 'in_progress' },
    closed: {}
  }
  for (const from of lifecycleStatuses) {
    for (const action of lifecycleActions) {
      const to = expected[from][action]
      it(`${from} --${action}--> ${to ?? 'refused'} for an agent`, () => {
        const result = lifecycleTransition(from, action, 'agent')
        expect(result.ok ? result.to : null).toBe(to ?? null)
      })
    }
  }

  it('lets only leads and admins close, and reopen a closed case', () => {
    expect(lifecycleTransition('resolved', 'close', 'agent')).toEqual({
      ok: false,
      reason: 'role_not_allowed'
    })
    expect(lifecycleTransition('resolved', 'close', 'team_lead')).toEqual({
      ok: true,
      to: 'closed'
    })
    expect(lifecycleTransition('closed', 'reopen', 'team_lead')).toEqual({
      ok: true,
      to: 'in_progress'
    })
    expect(lifecycleTransition('closed', 'reopen', 'agent').ok).toBe(false)
  })

  it('gives trainers no production actions', () => {
    for (const status of lifecycleStatuses) expect(availableActions(status, 'trainer')).toEqual([])
  })

  it('says which statuses count against the SLA', () => {
    expect(lifecycleStatuses.filter(countsAgainstSla)).toEqual([
      'open',
      'in_progress',
      'awaiting_customer'
    ])
  })
})

describe('SLA by severity', () => {
  const created = '2026-11-24T10:00:00.000Z'
  it.each<[Severity, string]>([
    ['critical', '2026-11-24T14:00:00.000Z'],
    ['high', '2026-11-25T10:00:00.000Z'],
    ['medium', '2026-11-26T10:00:00.000Z'],
    ['low', '2026-11-29T10:00:00.000Z']
  ])('%s is due at %s', (severity, due) => {
    expect(slaDueAt(created, severity, DEFAULT_SLA_HOURS)).toBe(due)
  })

  const due = '2026-11-26T10:00:00.000Z' // 48 h: due soon in the last 12 h
  const at = (iso: string) => new Date(iso)
  it.each<[string, string | null, string, string]>([
    ['just filed', null, '2026-11-24T10:00:00.000Z', 'on_time'],
    ['13 h left', null, '2026-11-25T21:00:00.000Z', 'on_time'],
    ['12 h left', null, '2026-11-25T22:00:00.000Z', 'due_soon'],
    ['at the due time', null, due, 'breached'],
    ['resolved in time', '2026-11-26T09:59:59.000Z', '2026-12-01T00:00:00.000Z', 'met'],
    ['resolved late', '2026-11-26T10:00:01.000Z', '2026-12-01T00:00:00.000Z', 'missed']
  ])('%s → %s', (_name, resolvedAt, now, status) => {
    expect(slaStatus({ createdAt: created, dueAt: due, resolvedAt, now: at(now) })).toBe(status)
  })

  it('treats unreadable dates as breached, never as on time', () => {
    expect(slaStatus({ createdAt: 'x', dueAt: due, resolvedAt: null, now: at(created) })).toBe(
      'breached'
    )
  })

  it('counts down to the due time and below zero after it', () => {
    expect(slaRemainingMs(due, at('2026-11-26T09:00:00.000Z'))).toBe(3_600_000)
    expect(slaRemainingMs(due, at('2026-11-26T11:00:00.000Z'))).toBe(-3_600_000)
  })
})

describe('compensation authority', () => {
  const table: CompensationLimits = {
    currency: 'EUR',
    perGrant: [
      { role: 'agent', tier: 'high_yield', maxAmount: 50 },
      { role: 'agent', tier: 'standard', maxAmount: 20 },
      { role: 'agent', tier: 'below_zero', maxAmount: 0 },
      { role: 'team_lead', tier: 'high_yield', maxAmount: 300 }
    ],
    dailyCapPerAgent: [{ role: 'agent', maxAmount: 100 }],
    dailyCapPerCustomer: 60
  }
  const agent = (patch: Partial<GrantContext> = {}): GrantContext => ({
    role: 'agent',
    tier: 'high_yield',
    grantedTodayByAgent: 0,
    grantedTodayToCustomer: 0,
    ...patch
  })

  it.each<[string, GrantContext, number, string]>([
    ['within the tier limit', agent(), 50, 'within'],
    ['a cent over the tier limit', agent(), 50.01, 'over_single_limit'],
    ['a lower tier has a lower limit', agent({ tier: 'standard' }), 25, 'over_single_limit'],
    [
      'a below-zero customer gets nothing from an agent',
      agent({ tier: 'below_zero' }),
      1,
      'over_single_limit'
    ],
    ['no entry, no authority', agent({ tier: 'high_potential' }), 1, 'over_single_limit'],
    ['the agent daily cap', agent({ grantedTodayByAgent: 70 }), 40, 'over_agent_daily_cap'],
    [
      'the customer daily cap',
      agent({ grantedTodayToCustomer: 30 }),
      40,
      'over_customer_daily_cap'
    ],
    [
      'a lead has more authority and no daily cap',
      agent({ role: 'team_lead', grantedTodayByAgent: 5000 }),
      61,
      'over_customer_daily_cap'
    ],
    ['a lead within every limit', agent({ role: 'team_lead' }), 60, 'within'],
    ['cents add up exactly', agent({ tier: 'standard', grantedTodayByAgent: 99.7 }), 0.3, 'within']
  ])('%s', (_name, context, amount, outcome) => {
    const decision = decideAuthority(table, context, amount)
    expect(decision.within ? 'within' : decision.reason).toBe(outcome)
  })

  it('says how much could be granted instead', () => {
    expect(decideAuthority(table, agent({ grantedTodayToCustomer: 30 }), 40)).toEqual({
      within: false,
      reason: 'over_customer_daily_cap',
      available: 30
    })
  })

  it('validates a request: type, two decimals, a currency code', () => {
    expect(
      compensationRequestSchema.safeParse({ type: 'credit', amount: 10.5, currency: 'EUR' }).success
    ).toBe(true)
    expect(
      compensationRequestSchema.safeParse({ type: 'credit', amount: 10.555, currency: 'EUR' })
        .success
    ).toBe(false)
    expect(
      compensationRequestSchema.safeParse({ type: 'cash', amount: 1, currency: 'EUR' }).success
    ).toBe(false)
    expect(
      compensationRequestSchema.safeParse({ type: 'refund', amount: 1, currency: 'euro' }).success
    ).toBe(false)
    expect(
      compensationRequestSchema.safeParse({ type: 'refund', amount: -1, currency: 'EUR' }).success
    ).toBe(false)
  })
})
