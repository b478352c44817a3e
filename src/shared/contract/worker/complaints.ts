/**
 * Complaints as the worker keeps them, their timeline, and the requests on them.
 */
import type { ComplaintDetails, ComplaintDetailsInput } from '../../domain/complaint'
import type {
  EditableComplaintField,
  EditableValues,
  FieldConflict
} from '../../domain/complaint-edit'
import type { ComplaintEventAction } from '../../domain/complaint-event'
import type { ComplaintFilterInput } from '../../domain/complaint-filter'
import type { LifecycleAction } from '../../domain/complaint-lifecycle'
import type { LocalSyncState } from './sync'

export interface LocalComplaint extends ComplaintDetails {
  id: string
  caseNumber: string | null
  customerId: string | null
  /** Filed on a practice call: it names the persona, never a customer (practice-mark.ts). */
  practice: boolean
  personaId: string | null
  callId: string | null
  /** A configured category code. */
  category: string
  description: string
  createdAt: string
  /** When it must be resolved; null on complaints filed before severities existed. */
  dueAt: string | null
  /** The server's status with this client's own steps not yet answered laid over it. */
  status: string
  syncState: LocalSyncState
  rejectReason: string | null
  /** Who filed it; null on one written here and not yet synced (this user's). */
  agentId: string | null
  /** A lifecycle step taken here waits for the server. */
  transitionPending: boolean
  /** Why the server refused the last step taken here (the status is the server's again). */
  transitionRefused: string | null
  /** Who works the case when someone was assigned (an assignment queued here counts). */
  assigneeId: string | null
  /** When it was escalated to the team lead, while that escalation is unanswered. */
  escalatedAt: string | null
  escalationReason: string | null
  /** The team whose queue holds the case; null on one written here and not yet synced. */
  teamId: string | null
  /** Fields edited here that someone else changed first: the user keeps theirs or uses mine. */
  editConflicts: FieldConflict[]
  /** Why the server refused the last edit made here (the fields are back as they were). */
  editRefused: string | null
}

/** One line of a complaint's timeline, oldest first. */
export interface TimelineEntry {
  id: string
  action: ComplaintEventAction | 'created'
  /** Who; null for what this user did that the server has not acknowledged yet. */
  actorId: string | null
  at: string
  note: string | null
  /** The status the case moved to (lifecycle steps). */
  toStatus: string | null
  compensationId: string | null
  /** Assignments: who works the case from then on. */
  assigneeId: string | null
  /** Edits: the fields changed. */
  fields: EditableComplaintField[]
  /** Written here and still waiting for the server. */
  pending: boolean
}

/** The complaint requests. */
export interface ComplaintRequests {
  'complaint:create': (
    args: {
      customerId: string | null
      /** On a practice call: its persona (the complaint is practice, `customerId` null). */
      personaId?: string | null
      callId: string | null
      category: string
      description: string
    } & ComplaintDetailsInput
  ) => { complaint: LocalComplaint }
  'complaint:list': (args: {
    customerId: string | null
    limit: number
    filter?: ComplaintFilterInput | undefined
  }) => {
    complaints: LocalComplaint[]
  }
  /** Journals a lifecycle step (start, resolve, close...) for sync; the server validates it. */
  'complaint:transition': (args: {
    complaintId: string
    action: LifecycleAction
    note: string | null
  }) => { complaint: LocalComplaint }
  /** Journals an escalation to the team lead, with the reason (agents; the server validates it). */
  'complaint:escalate': (args: { complaintId: string; reason: string }) => {
    complaint: LocalComplaint
  }
  /**
   * Journals an assignment: a lead gives the case to someone of the team, an agent takes an
   * unassigned one for themselves (the server validates role, team and assignee).
   */
  'complaint:assign': (args: { complaintId: string; assigneeId: string }) => {
    complaint: LocalComplaint
  }
  /** A complaint's timeline: its creation, lifecycle steps and compensation events, in order. */
  'complaint:timeline': (args: { complaintId: string }) => { entries: TimelineEntry[] }
  /**
   * Journals an edit of a complaint's fields (`complaint.update`): `before` is what the editor
   * showed when it opened, `after` what was saved; the server merges field by field.
   */
  'complaint:update': (args: {
    complaintId: string
    before: EditableValues
    after: EditableValues
  }) => { complaint: LocalComplaint }
  /** The user's choice on an edit conflict: keep theirs, or send mine based on theirs. */
  'complaint:resolveConflict': (args: {
    complaintId: string
    field: EditableComplaintField
    choice: 'theirs' | 'mine'
  }) => { complaint: LocalComplaint }
  /** Journals a note in a complaint's timeline; answers the timeline with it. */
  'complaint:note': (args: { complaintId: string; note: string }) => { entries: TimelineEntry[] }
  /**
   * Discards a complaint the server rejected (never a pending or synced one), or else the
   * lifecycle steps the server refused on it.
   */
  'complaint:discard': (args: { id: string }) => { discarded: boolean }
}
