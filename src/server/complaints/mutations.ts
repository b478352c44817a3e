/** The complaint capability's mutations: creation, lifecycle, notes, ownership and edits. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyComplaintCreate } from './complaint-create'
import { applyComplaintNote } from './complaint-note'
import { applyComplaintAssign, applyComplaintEscalate } from './complaint-ownership'
import { applyComplaintTransition } from './complaint-transition'
import { applyComplaintUpdate } from './complaint-update'

export const complaintMutations: MutationSlice<'complaint'> = {
  'complaint.create': ({ tx, claims }, m) => applyComplaintCreate(tx, claims, m.args),
  'complaint.transition': ({ tx, claims }, m) => applyComplaintTransition(tx, claims, m.args),
  'complaint.note': ({ tx, claims }, m) => applyComplaintNote(tx, claims, m.args),
  'complaint.escalate': ({ tx, claims }, m) => applyComplaintEscalate(tx, claims, m.args),
  'complaint.assign': ({ tx, claims }, m) => applyComplaintAssign(tx, claims, m.args),
  'complaint.update': ({ tx, claims }, m) => applyComplaintUpdate(tx, claims, m.args)
}
