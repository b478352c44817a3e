/**
 * Editing a complaint's fields (`complaint.update`) and the user's choice on a field someone
 * else changed first. The server merges field by field; conflicts come back in edits.ts.
 */
import type { LocalComplaint } from '@shared/contract/worker'
import {
  editsBetween,
  type EditableComplaintField,
  type EditableValues
} from '@shared/domain/complaint-edit'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { assertComplaintHere, complaintAfter } from './commands'
import { conflictsByComplaint, removeConflictField } from './conflicts'

/**
 * Journals an edit of a complaint: `before` is what the editor showed when it opened (each
 * changed field's base), `after` what the user saved. Only the fields that differ are sent.
 */
export async function updateComplaint(
  store: LocalStore,
  input: { complaintId: string; before: EditableValues; after: EditableValues }
): Promise<LocalComplaint> {
  assertComplaintHere(store, input.complaintId)
  const edits = editsBetween(input.before, input.after)
  if (edits.length > 0) {
    await store.write({
      id: store.newId(),
      name: 'complaint.update',
      args: {
        id: store.newId(),
        complaintId: input.complaintId,
        edits,
        at: store.now().toISOString()
      }
    })
  }
  return complaintAfter(store, input.complaintId, 'an edit')
}

/**
 * The user's choice on a conflicting field: `theirs` keeps the server's value; `mine` journals
 * a new edit of that field based on the server's value, so it applies unless someone changes
 * it again. The snapshot makes the choice durable (the conflict itself is not journaled).
 */
export async function resolveEditConflict(
  store: LocalStore,
  input: { complaintId: string; field: EditableComplaintField; choice: 'theirs' | 'mine' }
): Promise<LocalComplaint> {
  store.assertOpen()
  const conflict = conflictsByComplaint(store.db, [input.complaintId])
    .get(input.complaintId)
    ?.find((c) => c.field === input.field)
  if (conflict === undefined) throw workerError('not_found', 'No such conflict on this complaint')
  if (input.choice === 'mine') {
    // Based on the server's value the user decided over, not on what this row shows now.
    await store.write({
      id: store.newId(),
      name: 'complaint.update',
      args: {
        id: store.newId(),
        complaintId: input.complaintId,
        edits: [{ field: conflict.field, base: conflict.theirs, value: conflict.yours }],
        at: store.now().toISOString()
      }
    })
  }
  await store.rewrite((db) => {
    removeConflictField(db, input.complaintId, input.field)
    return true
  })
  return complaintAfter(store, input.complaintId, 'a conflict choice')
}
