/**
 * Findings about a scenario. Each names the offending id (a node, jump, persona, product…) and
 * the path inside the document, which scenario-source.ts turns into a file line and column.
 */
import type { DocPath } from '../yaml/located-yaml'

export const scenarioIssueCodes = [
  'syntax',
  'schema',
  'duplicate_id',
  'missing_translation',
  'persona_id',
  'persona_phone',
  'persona_not_on_file',
  'unknown_script',
  'unknown_node',
  'bad_path',
  'not_on_path',
  'bad_answer',
  'missing_answer',
  'unknown_jump',
  'bad_offer',
  'unknown_disposition',
  'disposition_mismatch',
  'mandatory_not_listed',
  'bad_compensation',
  'bad_critical'
] as const
export type ScenarioIssueCode = (typeof scenarioIssueCodes)[number]

export interface ScenarioIssue {
  code: ScenarioIssueCode
  message: string
  /** The id at fault (node, jump, persona, product…); null only for a syntax error. */
  id: string | null
  path: DocPath
}

/** A finding placed in its source file (1-based line and column). */
export interface LocatedScenarioIssue extends ScenarioIssue {
  line: number
  column: number
}

export const scenarioIssue = (
  code: ScenarioIssueCode,
  message: string,
  id: string | null,
  path: DocPath
): ScenarioIssue => ({ code, message, id, path })
