import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { decideGrant, type GrantContext } from '@shared/domain/compensation'
import {
  compensationDecideArgsSchema,
  compensationGrantArgsSchema,
  decisionRefusal
} from '@shared/domain/compensation-record'
import type { CompensationLimits } from '@shared/domain/configuration'

const limits: CompensationLimits = {
  currency: 'USD',
  perGrant: [{ role: 'agent', tier: 'standard', maxAmount: 20 }],
  dailyCapPerAgent: [{ role: 'agent', maxAmount: 100 }],
  dailyCapPerCustomer: 50
}
const agent: GrantContext = {
  role: 'agent',
  tier: 'standard',
  grantedTodayByAgent: 0,
  grantedTodayToCustomer: 0
}

describe('deciding a grant', () => {
  it('grants within authority and sends the rest to a lead with the reason', () => {
    expect(decideGrant(limits, agent, { amount: 20, currency: 'USD' })).toEqual({
      status: 'granted',
      approvalReason: null
    })
    expect(decideGrant(limits, agent, { amount: 20.01, currency: 'USD' })).toEqual({
      status: 'pending',
      approvalReason: 'over_single_limit'
    })
    expect(
      decideGrant(limits, { ...agent, grantedTodayToCustomer: 40 }, { amount: 11, currency: 'USD' })
    ).toEqual({ status: 'pending', approvalReason: 'over_customer_daily_cap' })
  })

  it('never measures another currency against the limits: a lead decides it', () => {
    expect(decideGrant(limits, agent, { amount: 1, currency: 'EUR' })).toEqual({
      status: 'pending',
      approvalReason: 'other_currency'
    })
  })
})

describe('who decides a request', () => {
  const team = randomUUID()
  const agentId = randomUUID()
  const pending = {
    teamId: team,
    status: 'pending' as const,
    requestedBy: agentId,
    practice: false
  }
  const lead = { userId: randomUUID(), role: 'team_lead', teamId: team }

  it('a lead of the team or an admin, while it is pending', () => {
    expect(decisionRefusal(lead, pending)).toBeNull()
    expect(
      decisionRefusal({ userId: randomUUID(), role: 'admin', teamId: null }, pending)
    ).toBeNull()
    expect(decisionRefusal(lead, { ...pending, status: 'approved' })).toBe('already_decided')
  })

  it("never another team's lead, an agent, a trainer, or the requester", () => {
    expect(decisionRefusal({ ...lead, teamId: randomUUID() }, pending)).toBe('forbidden')
    expect(decisionRefusal({ userId: agentId, role: 'agent', teamId: team }, pending)).toBe(
      'forbidden'
    )
    expect(decisionRefusal({ userId: randomUUID(), role: 'trainer', teamId: null }, pending)).toBe(
      'forbidden'
    )
    expect(decisionRefusal(lead, { ...pending, requestedBy: lead.userId })).toBe('own_request')
  })

  it("in practice a trainer, never the trainee's real lead", () => {
    const practice = { ...pending, practice: true }
    const trainer = { userId: randomUUID(), role: 'trainer', teamId: null }
    expect(decisionRefusal(trainer, practice)).toBeNull()
    expect(decisionRefusal(lead, practice)).toBe('forbidden')
    expect(decisionRefusal({ ...trainer, userId: agentId }, practice)).toBe('own_request')
  })
})

describe('compensation messages', () => {
  const grant = {
    id: randomUUID(),
    complaintId: randomUUID(),
    type: 'refund',
    amount: 12.5,
    currency: 'USD',
    reason: 'Cobro duplicado',
    expected: 'granted',
    at: new Date().toISOString()
  }

  it('a grant is positive, with two decimals at most, and says why', () => {
    expect(compensationGrantArgsSchema.safeParse(grant).success).toBe(true)
    for (const bad of [{ amount: 0 }, { amount: 1.005 }, { reason: '  ' }, { type: 'cash' }]) {
      expect(compensationGrantArgsSchema.safeParse({ ...grant, ...bad }).success).toBe(false)
    }
  })

  it('a rejection needs a reason, an approval does not', () => {
    const decision = {
      id: randomUUID(),
      compensationId: randomUUID(),
      decision: 'approve',
      reason: '',
      at: new Date().toISOString()
    }
    expect(compensationDecideArgsSchema.safeParse(decision).success).toBe(true)
    expect(
      compensationDecideArgsSchema.safeParse({ ...decision, decision: 'reject' }).success
    ).toBe(false)
  })
})
