/**
 * Finished script runs, which the worker journals for the server's analytics.
 */
import type { ScriptRunRecordInput } from '../../domain/script-run'

/** The script run request. */
export interface ScriptRunRequests {
  /** Journals a finished script run (durable before it resolves) for sync. */
  'scriptRun:record': (args: ScriptRunRecordInput) => { id: string }
}
