/**
 * A finished practice call's session lands in the store as its outbox entry only, like a script
 * run: the server scores it and keeps it, and progress is read from the server.
 */
import type { MutationSlice } from '../store/apply-tables'
import { enqueueMutation, isMutationQueued } from '../sync/outbox'

export const practiceSessionMutations: MutationSlice<'practice_session.record'> = {
  applied: { 'practice_session.record': (db, m) => isMutationQueued(db, m.id) },
  apply: {
    'practice_session.record': (db, m) => {
      enqueueMutation(db, m)
    }
  }
}
