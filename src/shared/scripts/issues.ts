/**
 * Validator findings. Each names the node (when one is at fault) and the path inside the
 * document, which script-source.ts turns into a file line.
 */
import type { DocPath } from '../yaml/located-yaml'

export const issueCodes = [
  'syntax',
  'schema',
  'duplicate_id',
  'undefined_node',
  'unreachable_node',
  'dead_end',
  'cycle_without_exit',
  'undefined_variable',
  'undefined_answer',
  'answer_unavailable',
  'impossible_condition',
  'missing_translation',
  'unknown_action_target'
] as const
export type IssueCode = (typeof issueCodes)[number]

export type { DocPath }

export interface ScriptIssue {
  code: IssueCode
  message: string
  nodeId: string | null
  path: DocPath
}

/** An issue placed in its source file (1-based line and column). */
export interface LocatedIssue extends ScriptIssue {
  line: number
  column: number
}

export const issue = (
  code: IssueCode,
  message: string,
  nodeId: string | null,
  path: DocPath
): ScriptIssue => ({ code, message, nodeId, path })
