/**
 * Who works a complaint: escalation (an agent hands the case up to their team's lead, with a
 * reason) and assignment (a lead gives the case to someone of the team; an agent takes an
 * unassigned one). The same rules run on the client (to offer only what is allowed) and on the
 * server (which decides).
 *
 * @remarks
 * - The owner of a case is its assignee, or whoever filed it while nobody is assigned.
 * - An escalation is open while the case still counts against its SLA and no lead has assigned
 *   it since: the lead's assignment answers it. Open escalations head the team queue.
 */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { countsAgainstSla, lifecycleStatuses, type LifecycleStatus } from './complaint-lifecycle'
import type { Role } from './user'

export const complaintEscalateArgsSchema = z.object({
  /** The timeline event's id, generated on the client so a retry is the same escalation. */
  id: z.uuid(),
  complaintId: z.uuid(),
  reason: multilineText().trim().min(3).max(2000),
  at: z.iso.datetime()
})
export type ComplaintEscalateArgs = z.infer<typeof complaintEscalateArgsSchema>

export const complaintAssignArgsSchema = z.object({
  /** The timeline event's id, generated on the client so a retry is the same assignment. */
  id: z.uuid(),
  complaintId: z.uuid(),
  /** Who works the case from now on; an agent taking a case names themselves. */
  assigneeId: z.uuid(),
  at: z.iso.datetime()
})
export type ComplaintAssignArgs = z.infer<typeof complaintAssignArgsSchema>

export interface OwnershipActor {
  userId: string
  role: Role
  teamId: string | null
}

/** What the rules need to know about the case. */
export interface OwnedComplaint {
  teamId: string | null
  status: string
  /** Who filed it (null for this user's own case not yet synced). */
  agentId: string | null
  assigneeId: string | null
  escalatedAt: string | null
}

export interface AssigneeCandidate {
  id: string
  role: Role
  teamId: string | null
}

export type OwnershipRefusal =
  | 'role_not_allowed'
  | 'other_team'
  | 'not_open'
  | 'already_escalated'
  | 'already_assigned'
  | 'same_assignee'
  | 'assignee_not_in_team'

/** The kind of assignment, as the timeline names it. */
export type AssignmentKind = 'assigned' | 'reassigned' | 'taken'

function statusOf(c: Pick<OwnedComplaint, 'status'>): LifecycleStatus {
  return lifecycleStatuses.find((s) => s === c.status) ?? 'open'
}

/** Whether the case still waits for its lead after an escalation. */
export function isEscalationOpen(c: Pick<OwnedComplaint, 'status' | 'escalatedAt'>): boolean {
  return c.escalatedAt !== null && countsAgainstSla(statusOf(c))
}

/** Who works the case: the assignee, else whoever filed it. */
export function ownerOf(c: Pick<OwnedComplaint, 'agentId' | 'assigneeId'>): string | null {
  return c.assigneeId ?? c.agentId
}

function ownTeam(actor: OwnershipActor, c: OwnedComplaint): boolean {
  return actor.role === 'admin' || (actor.teamId !== null && c.teamId === actor.teamId)
}

/** Why `actor` may not escalate `c`, or null when they may. Only agents escalate, to their lead. */
export function escalationRefusal(
  actor: OwnershipActor,
  c: OwnedComplaint
): OwnershipRefusal | null {
  if (actor.role !== 'agent') return 'role_not_allowed'
  if (!ownTeam(actor, c)) return 'other_team'
  if (!countsAgainstSla(statusOf(c))) return 'not_open'
  if (isEscalationOpen(c)) return 'already_escalated'
  return null
}

/**
 * Why `actor` may not give `c` to `assignee`, or null when they may. Leads (of the case's team)
 * and admins assign and reassign to an agent or lead of the case's team; an agent may only take
 * an unassigned case of their team for themselves, and not one waiting for the lead.
 */
export function assignmentRefusal(
  actor: OwnershipActor,
  c: OwnedComplaint,
  assignee: AssigneeCandidate | null
): OwnershipRefusal | null {
  if (actor.role !== 'agent' && actor.role !== 'team_lead' && actor.role !== 'admin') {
    return 'role_not_allowed'
  }
  if (!ownTeam(actor, c)) return 'other_team'
  if (statusOf(c) === 'closed') return 'not_open'
  if (
    assignee === null ||
    c.teamId === null ||
    assignee.teamId !== c.teamId ||
    (assignee.role !== 'agent' && assignee.role !== 'team_lead')
  ) {
    return 'assignee_not_in_team'
  }
  if (actor.role === 'agent') {
    if (assignee.id !== actor.userId) return 'role_not_allowed'
    if (c.assigneeId !== null || isEscalationOpen(c)) return 'already_assigned'
  }
  if (c.assigneeId === assignee.id) return 'same_assignee'
  return null
}

/** How the timeline names an allowed assignment. */
export function assignmentKind(
  actor: OwnershipActor,
  c: Pick<OwnedComplaint, 'assigneeId'>,
  assigneeId: string
): AssignmentKind {
  if (actor.role === 'agent' && assigneeId === actor.userId) return 'taken'
  return c.assigneeId === null ? 'assigned' : 'reassigned'
}

/** A refusal in words (English; the client shows the server's message as is). */
export const ownershipRefusalMessages: Record<OwnershipRefusal, string> = {
  role_not_allowed: 'Your role cannot do this on a complaint',
  other_team: "This complaint belongs to another team's queue",
  not_open: 'The complaint is no longer open',
  already_escalated: 'The complaint is already escalated to the team lead',
  already_assigned: 'The complaint is already assigned or waiting for the team lead',
  same_assignee: 'The complaint is already assigned to this person',
  assignee_not_in_team: 'The assignee must be an agent or lead of the complaint’s team'
}
