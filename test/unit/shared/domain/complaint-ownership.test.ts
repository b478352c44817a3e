import { describe, expect, it } from 'vitest'

import {
  assignmentKind,
  assignmentRefusal,
  escalationRefusal,
  isEscalationOpen,
  ownerOf,
  type AssigneeCandidate,
  type OwnedComplaint,
  type OwnershipActor
} from '@shared/domain/complaint-ownership'

const NORTE = '00000000-0000-4000-8000-00000000000a'
const SUR = '00000000-0000-4000-8000-00000000000b'
const ana: OwnershipActor = { userId: 'ana', role: 'agent', teamId: NORTE }
const bruno: OwnershipActor = { userId: 'bruno', role: 'agent', teamId: NORTE }
const carla: OwnershipActor = { userId: 'carla', role: 'team_lead', teamId: NORTE }
const elena: OwnershipActor = { userId: 'elena', role: 'team_lead', teamId: SUR }
const admin: OwnershipActor = { userId: 'admin', role: 'admin', teamId: null }
const tomas: OwnershipActor = { userId: 'tomas', role: 'trainer', teamId: null }
const candidate = (a: OwnershipActor): AssigneeCandidate => ({
  id: a.userId,
  role: a.role,
  teamId: a.teamId
})

const open: OwnedComplaint = {
  teamId: NORTE,
  status: 'open',
  agentId: 'ana',
  assigneeId: null,
  escalatedAt: null
}
const escalated: OwnedComplaint = { ...open, escalatedAt: '2026-01-01T10:00:00.000Z' }

describe('complaint escalation', () => {
  it('lets an agent of the team escalate an open case once', () => {
    expect(escalationRefusal(ana, open)).toBeNull()
    expect(escalationRefusal(bruno, { ...open, status: 'awaiting_customer' })).toBeNull()
    expect(escalationRefusal(ana, escalated)).toBe('already_escalated')
  })

  it('refuses leads, trainers, other teams and cases no longer open', () => {
    expect(escalationRefusal(carla, open)).toBe('role_not_allowed')
    expect(escalationRefusal(tomas, open)).toBe('role_not_allowed')
    expect(escalationRefusal({ ...ana, teamId: SUR }, open)).toBe('other_team')
    expect(escalationRefusal(ana, { ...open, status: 'resolved' })).toBe('not_open')
    expect(escalationRefusal(ana, { ...open, status: 'closed' })).toBe('not_open')
  })

  it('counts an escalation as open only while the case counts against its SLA', () => {
    expect(isEscalationOpen(escalated)).toBe(true)
    expect(isEscalationOpen({ ...escalated, status: 'resolved' })).toBe(false)
    expect(isEscalationOpen(open)).toBe(false)
    // A resolved case escalated before may be reopened and escalated again.
    expect(escalationRefusal(ana, { ...escalated, status: 'in_progress' })).toBe(
      'already_escalated'
    )
  })
})

describe('complaint assignment', () => {
  it('lets a lead of the team or an admin assign to an agent or lead of the case’s team', () => {
    expect(assignmentRefusal(carla, escalated, candidate(bruno))).toBeNull()
    expect(assignmentRefusal(carla, open, candidate(carla))).toBeNull()
    expect(assignmentRefusal(admin, open, candidate(bruno))).toBeNull()
    expect(assignmentRefusal(carla, { ...open, status: 'resolved' }, candidate(ana))).toBeNull()
  })

  it('refuses other teams, trainers, outside assignees and closed cases', () => {
    expect(assignmentRefusal(elena, open, candidate(bruno))).toBe('other_team')
    expect(assignmentRefusal(tomas, open, candidate(bruno))).toBe('role_not_allowed')
    expect(assignmentRefusal(carla, open, candidate(elena))).toBe('assignee_not_in_team')
    expect(assignmentRefusal(carla, open, candidate(tomas))).toBe('assignee_not_in_team')
    expect(assignmentRefusal(carla, open, null)).toBe('assignee_not_in_team')
    expect(assignmentRefusal(carla, { ...open, status: 'closed' }, candidate(ana))).toBe('not_open')
    expect(assignmentRefusal(carla, { ...open, assigneeId: 'bruno' }, candidate(bruno))).toBe(
      'same_assignee'
    )
  })

  it('lets an agent take only an unassigned case, not waiting for the lead, for themselves', () => {
    expect(assignmentRefusal(bruno, open, candidate(bruno))).toBeNull()
    expect(assignmentRefusal(bruno, open, candidate(ana))).toBe('role_not_allowed')
    expect(assignmentRefusal(bruno, escalated, candidate(bruno))).toBe('already_assigned')
    expect(assignmentRefusal(bruno, { ...open, assigneeId: 'ana' }, candidate(bruno))).toBe(
      'already_assigned'
    )
  })

  it('names the assignment and the owner', () => {
    expect(assignmentKind(bruno, open, 'bruno')).toBe('taken')
    expect(assignmentKind(carla, open, 'bruno')).toBe('assigned')
    expect(assignmentKind(carla, { assigneeId: 'bruno' }, 'ana')).toBe('reassigned')
    expect(ownerOf(open)).toBe('ana')
    expect(ownerOf({ agentId: 'ana', assigneeId: 'bruno' })).toBe('bruno')
    expect(ownerOf({ agentId: null, assigneeId: null })).toBeNull()
  })
})
