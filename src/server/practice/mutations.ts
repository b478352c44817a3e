/** The practice capability's mutations: a finished practice call's session, scored here. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyPracticeSessionRecord } from './practice-session-record'

export const practiceMutations: MutationSlice<'practice_session'> = {
  'practice_session.record': ({ tx, claims }, m) => applyPracticeSessionRecord(tx, claims, m.args)
}
