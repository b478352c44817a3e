/** How complaint mutations and pulled complaints (and their events) land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import { applyLocalComplaintUpdate, isComplaintUpdateApplied } from './edits'
import {
  applyLocalComplaintNote,
  isComplaintNoteQueued,
  upsertServerComplaintEvent
} from './events'
import { applyLocalComplaintOwnership, isOwnershipStepQueued } from './ownership'
import { applyLocalMutation, hasComplaint, upsertServerComplaint } from './rows'
import { applyLocalComplaintTransition, isComplaintTransitionQueued } from './transitions'

export const complaintMutations: MutationSlice<
  | 'complaint.create'
  | 'complaint.transition'
  | 'complaint.note'
  | 'complaint.escalate'
  | 'complaint.assign'
  | 'complaint.update'
> = {
  applied: {
    'complaint.create': (db, m) => hasComplaint(db, m.args.id),
    'complaint.transition': (db, m) => isComplaintTransitionQueued(db, m.id),
    'complaint.note': (db, m) => isComplaintNoteQueued(db, m.id),
    'complaint.escalate': (db, m) => isOwnershipStepQueued(db, m.id),
    'complaint.assign': (db, m) => isOwnershipStepQueued(db, m.id),
    'complaint.update': (db, m) => isComplaintUpdateApplied(db, m)
  },
  apply: {
    'complaint.create': applyLocalMutation,
    'complaint.transition': applyLocalComplaintTransition,
    'complaint.note': applyLocalComplaintNote,
    'complaint.escalate': applyLocalComplaintOwnership,
    'complaint.assign': applyLocalComplaintOwnership,
    'complaint.update': applyLocalComplaintUpdate
  }
}

export const complaintPulled: PulledSlice<'complaint' | 'complaint_event'> = {
  complaint: pulledRecord(upsertServerComplaint),
  complaint_event: pulledRecord(upsertServerComplaintEvent)
}
