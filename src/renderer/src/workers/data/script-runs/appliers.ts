/** How a finished script run lands in the store: only its outbox entry (it is never pulled). */
import type { MutationSlice } from '../store/apply-tables'
import { applyLocalScriptRun, isScriptRunQueued } from './rows'

export const scriptRunMutations: MutationSlice<'script_run.record'> = {
  applied: { 'script_run.record': (db, m) => isScriptRunQueued(db, m.id) },
  apply: { 'script_run.record': applyLocalScriptRun }
}
