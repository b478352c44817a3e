/**
 * What an agent does to a complaint, journaled through the store for sync: filing it, its
 * lifecycle steps, notes, escalation and assignment, and discarding what the server rejected.
 * Field edits and their conflicts are in edit-commands.ts. The server validates each again.
 */
import type { LocalComplaint, TimelineEntry } from '@shared/contract/worker'
import { complaintDetailsSchema, type ComplaintDetailsInput } from '@shared/domain/complaint'
import type { LifecycleAction } from '@shared/domain/complaint-lifecycle'
import { practiceMarkProblem } from '@shared/practice/practice-mark'
import type { Mutation } from '@shared/sync/protocol'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { discardRejectedComplaint as discardRejectedRow } from '../sync/outbox'
import { discardRefusedEdits } from './edits'
import { complaintTimeline } from './events'
import { getComplaint } from './rows'
import { discardRefusedTransitions } from './transitions'

/** The form's details are optional here: the omitted ones take their defaults. */
export interface NewComplaint extends ComplaintDetailsInput {
  customerId: string | null
  personaId?: string | null | undefined
  callId: string | null
  category: LocalComplaint['category']
  description: string
}

/** The complaint as it reads now, after a write that must have left it in place. */
export function complaintAfter(store: LocalStore, id: string, what: string): LocalComplaint {
  const complaint = getComplaint(store.db, id)
  if (complaint === null) throw new Error(`complaint vanished after ${what}`)
  return complaint
}

/** Refuses a complaint this client does not have. */
export function assertComplaintHere(store: LocalStore, complaintId: string): void {
  if (getComplaint(store.db, complaintId) === null) {
    throw new Error('The complaint is not in the local store')
  }
}

/** Journals, applies and acknowledges a new complaint. */
export async function createComplaint(
  store: LocalStore,
  input: NewComplaint
): Promise<LocalComplaint> {
  const id = store.newId()
  const personaId = input.personaId ?? null
  const mark = { practice: personaId !== null, personaId, customerId: input.customerId }
  const problem = practiceMarkProblem(mark)
  if (problem !== null) throw workerError('invalid_argument', problem)
  await store.write({
    id: store.newId(),
    name: 'complaint.create',
    args: {
      id,
      ...mark,
      callId: input.callId,
      category: input.category,
      description: input.description,
      ...complaintDetailsSchema.parse(input),
      createdAt: store.now().toISOString()
    }
  })
  return complaintAfter(store, id, 'insert')
}

/** Journals a lifecycle step on a complaint this client has (the server validates it). */
export async function transitionComplaint(
  store: LocalStore,
  input: { complaintId: string; action: LifecycleAction; note: string | null }
): Promise<LocalComplaint> {
  assertComplaintHere(store, input.complaintId)
  await store.write({
    id: store.newId(),
    name: 'complaint.transition',
    args: {
      id: store.newId(),
      complaintId: input.complaintId,
      action: input.action,
      note: input.note,
      at: store.now().toISOString()
    }
  })
  return complaintAfter(store, input.complaintId, 'a transition')
}

/** Journals a note in a complaint's timeline. */
export async function addComplaintNote(
  store: LocalStore,
  input: { complaintId: string; note: string }
): Promise<TimelineEntry[]> {
  assertComplaintHere(store, input.complaintId)
  await store.write({
    id: store.newId(),
    name: 'complaint.note',
    args: { id: store.newId(), ...input, at: store.now().toISOString() }
  })
  return complaintTimeline(store.db, input.complaintId)
}

/** Journals an escalation of a complaint to the team lead (the server validates it). */
export function escalateComplaint(
  store: LocalStore,
  input: { complaintId: string; reason: string }
): Promise<LocalComplaint> {
  return ownershipStep(store, input.complaintId, (at) => ({
    id: store.newId(),
    name: 'complaint.escalate',
    args: { id: store.newId(), ...input, at }
  }))
}

/** Journals an assignment (or an agent taking a case) for the server to validate. */
export function assignComplaint(
  store: LocalStore,
  input: { complaintId: string; assigneeId: string }
): Promise<LocalComplaint> {
  return ownershipStep(store, input.complaintId, (at) => ({
    id: store.newId(),
    name: 'complaint.assign',
    args: { id: store.newId(), ...input, at }
  }))
}

async function ownershipStep(
  store: LocalStore,
  complaintId: string,
  mutationAt: (at: string) => Mutation
): Promise<LocalComplaint> {
  const current = getComplaint(store.db, complaintId)
  if (current === null) throw new Error('The complaint is not in the local store')
  // Someone else's step needs the server's row (team, owner) to be judged.
  if (current.syncState !== 'synced') {
    throw workerError('conflict', 'The complaint is not on the server yet')
  }
  await store.write(mutationAt(store.now().toISOString()))
  return complaintAfter(store, complaintId, 'an ownership step')
}

/**
 * Discards what the server rejected about a complaint: the complaint itself, or else its
 * refused lifecycle steps (or edits). The store snapshots right after: without it a replay of
 * the journal would bring them back as pending.
 */
export function discardRejectedComplaint(store: LocalStore, complaintId: string): Promise<boolean> {
  return store.rewrite(
    (db) =>
      discardRejectedRow(db, complaintId) ||
      discardRefusedTransitions(db, complaintId) ||
      discardRefusedEdits(db, complaintId)
  )
}
