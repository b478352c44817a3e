/** The script capability's mutations: a finished (or abandoned) run of a call script. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyScriptRunRecord } from './script-run-record'

export const scriptMutations: MutationSlice<'script_run'> = {
  'script_run.record': ({ tx, claims }, m) => applyScriptRunRecord(tx, claims, m.args)
}
