/**
 * Findings about a scenario. Each names the offending id (a node, jump, persona, product…) and
 * the path inside the document, which scenario-source.ts turns into a file line and column.
 */
import { answerProblemParams } from '../scripts/check-answer'
import type { DetailOf, FindingDetail } from '../yaml/finding-detail'
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

/**
 * What each kind of finding names, by code (all but `syntax` and `schema`, whose words come from
 * the parser): the UI's translations cover exactly these, `scenarioAuthoring.findings.<code>.<kind>`.
 */
export const scenarioFindings = {
  duplicate_id: { listedTwice: ['id'] },
  missing_translation: { missing: ['languages'] },
  persona_id: { format: ['id'] },
  persona_phone: { notFictional: ['phone'] },
  persona_not_on_file: { hasRecords: ['field'] },
  unknown_script: { noVersion: ['script', 'version'] },
  unknown_node: { notInVersion: ['node', 'script', 'version'], notInScript: ['node'] },
  bad_path: { wrongStart: ['start'], neverLeads: ['from', 'to'], stopsEarly: [] },
  not_on_path: { notOnPath: ['node'] },
  bad_answer: { ...answerProblemParams, asksNothing: ['node'], leadsElsewhere: ['to', 'expected'] },
  missing_answer: { noAnswer: ['node'] },
  unknown_jump: { notAJump: ['jump'] },
  bad_offer: {
    offersNothing: ['node'],
    otherProduct: ['node', 'offers', 'product'],
    otherResponse: ['response', 'outcome'],
    noReaction: ['node']
  },
  unknown_disposition: { notInScript: ['disposition'] },
  disposition_mismatch: { pathEnds: ['outcome'] },
  mandatory_not_listed: { notListed: ['node'] },
  bad_compensation: {
    minAboveMax: [],
    noAuthority: [],
    currency: ['customer', 'authority'],
    aboveAuthority: ['min', 'max'],
    neverTaken: []
  },
  bad_critical: { nothingExpected: ['item'], noDecision: [] }
} as const satisfies Record<Exclude<ScenarioIssueCode, 'syntax' | 'schema'>, object>

type DetailedCode = keyof typeof scenarioFindings
export type ScenarioFindingDetail<C extends DetailedCode = DetailedCode> = DetailOf<
  typeof scenarioFindings,
  C
>

export interface ScenarioIssue {
  code: ScenarioIssueCode
  message: string
  /** The id at fault (node, jump, persona, product…); null only for a syntax error. */
  id: string | null
  path: DocPath
  /** What the message says, for a UI to say it in its language; none for syntax and shape. */
  detail?: FindingDetail
}

/** A finding placed in its source file (1-based line and column). */
export interface LocatedScenarioIssue extends ScenarioIssue {
  line: number
  column: number
}

/** A finding with its message in English and, in `detail`, the same as a key and its values. */
export const scenarioIssue = <C extends DetailedCode>(
  code: C,
  detail: ScenarioFindingDetail<C>,
  message: string,
  id: string | null,
  path: DocPath
): ScenarioIssue => ({ code, message, id, path, detail })
