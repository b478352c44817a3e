/** A finished script run, journaled through the store for the server (`script_run.record`). */
import type { ScriptRunRecordInput } from '@shared/domain/script-run'

import type { LocalStore } from '../store/local-store'

/** Journals a finished script run; returns the run's record id. */
export async function recordScriptRun(
  store: LocalStore,
  input: ScriptRunRecordInput
): Promise<string> {
  const args = { id: store.newId(), ...input }
  await store.write({ id: store.newId(), name: 'script_run.record', args })
  return args.id
}
