/**
 * What the shape alone cannot say about a scenario: the persona is unmistakably synthetic, ids
 * are unique, both languages are there, and everything the scenario names exists in its script
 * version and fits it — the expected path is a real path from the start to an end, answers fit
 * their questions, objections are the script's jumps, the disposition is the script's and is
 * where the path ends, and the compensation the customer takes is within the agent's authority.
 */
import { missingLanguages, type LocalizedText } from '../scripts/localized-text'
import type { DocPath } from '../yaml/located-yaml'
import { scenarioIssue as issue, type ScenarioIssue } from './scenario-issues'
import type { Scenario, ScriptLookup } from './scenario-schema'
import {
  expectationScriptIssues,
  pathIssues,
  stepIssues,
  turnIssues
} from './scenario-script-checks'
import { FICTIONAL_PHONE_HINT, isFictionalPhone, isPersonaId } from './persona-rules'

/** Findings for ids that appear twice in `ids`, at the second and later places. */
function duplicates(ids: readonly string[], path: (i: number) => DocPath): ScenarioIssue[] {
  const seen = new Set<string>()
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id)
      return []
    }
    return [
      issue(
        'duplicate_id',
        { key: 'listedTwice', params: { id } },
        `"${id}" is listed twice`,
        id,
        path(i)
      )
    ]
  })
}

const isText = (value: unknown): value is LocalizedText =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([k, v]) => (k === 'es' || k === 'en') && typeof v === 'string')

/** The id a text belongs to: the turn's node, the persona, or else the scenario. */
function ownerOf(scenario: Scenario, path: DocPath): string {
  if (path[0] === 'customer' && path[1] === 'turns' && typeof path[2] === 'number') {
    return scenario.customer.turns[path[2]]?.node ?? scenario.id
  }
  if (path[0] === 'persona') {
    if (path[1] === 'openComplaints' && typeof path[2] === 'number') {
      return scenario.persona.openComplaints[path[2]]?.id ?? scenario.persona.id
    }
    return scenario.persona.id
  }
  return scenario.id
}

function translations(scenario: Scenario): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const walk = (value: unknown, path: DocPath): void => {
    if (isText(value)) {
      const missing = missingLanguages(value)
      if (missing.length > 0) {
        const id = ownerOf(scenario, path)
        const languages = missing.join(', ')
        const detail = { key: 'missing', params: { languages } } as const
        found.push(issue('missing_translation', detail, `missing ${languages}`, id, path))
      }
      return
    }
    if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, [...path, i])
      })
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
    }
  }
  walk(scenario, [])
  return found
}

function personaIssues({ persona }: Scenario): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  if (!isPersonaId(persona.id)) {
    found.push(
      issue(
        'persona_id',
        { key: 'format', params: { id: persona.id } },
        'a persona id starts with "persona-" and goes on in lower-case letters, digits and -',
        persona.id,
        ['persona', 'id']
      )
    )
  }
  if (!isFictionalPhone(persona.phone)) {
    found.push(
      issue(
        'persona_phone',
        { key: 'notFictional', params: { phone: persona.phone } },
        `${persona.phone} may be a real line: ${FICTIONAL_PHONE_HINT}`,
        persona.id,
        ['persona', 'phone']
      )
    )
  }
  if (!persona.onFile) {
    for (const key of ['products', 'history', 'openComplaints'] as const) {
      if (persona[key].length > 0) {
        found.push(
          issue(
            'persona_not_on_file',
            { key: 'hasRecords', params: { field: key } },
            `a caller who is not on file has no ${key}`,
            persona.id,
            ['persona', key]
          )
        )
      }
    }
  }
  return found
}

function idIssues(scenario: Scenario): ScenarioIssue[] {
  return [
    ...duplicates(
      scenario.persona.products.map((p) => p.code),
      (i) => ['persona', 'products', i, 'code']
    ),
    ...duplicates(
      scenario.persona.openComplaints.map((c) => c.id),
      (i) => ['persona', 'openComplaints', i, 'id']
    ),
    ...duplicates(
      scenario.customer.turns.map((t) => t.node),
      (i) => ['customer', 'turns', i, 'node']
    ),
    ...duplicates(scenario.mandatorySteps, (i) => ['mandatorySteps', i]),
    ...duplicates(scenario.critical, (i) => ['critical', i])
  ]
}

/** Checks that need no script: the compensation range against the authority, critical items. */
function expectationIssues(scenario: Scenario): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const { compensation: takes } = scenario.customer
  const { compensation: authority } = scenario.expectations
  const at: DocPath = ['customer', 'compensation']
  if (takes) {
    if (takes.min !== undefined && takes.min > takes.max) {
      found.push(
        issue(
          'bad_compensation',
          { key: 'minAboveMax', params: {} },
          'min is above max',
          scenario.persona.id,
          [...at, 'min']
        )
      )
    }
    if (!authority) {
      found.push(
        issue(
          'bad_compensation',
          { key: 'noAuthority', params: {} },
          'the customer takes a compensation but expectations set no authority for it',
          scenario.persona.id,
          at
        )
      )
    } else if (authority.currency !== takes.currency) {
      found.push(
        issue(
          'bad_compensation',
          { key: 'currency', params: { customer: takes.currency, authority: authority.currency } },
          `the customer counts in ${takes.currency}, the authority in ${authority.currency}`,
          scenario.persona.id,
          [...at, 'currency']
        )
      )
    } else if ((takes.min ?? 0) > authority.maxAmount) {
      // The customer must be satisfiable within authority, else the scenario teaches overspending.
      found.push(
        issue(
          'bad_compensation',
          { key: 'aboveAuthority', params: { min: takes.min ?? 0, max: authority.maxAmount } },
          `the customer wants at least ${String(takes.min)}, above the authority of ${String(authority.maxAmount)}`,
          scenario.persona.id,
          [...at, 'min']
        )
      )
    }
  } else if (authority) {
    found.push(
      issue(
        'bad_compensation',
        { key: 'neverTaken', params: {} },
        'expectations name a compensation but the customer never takes one (customer.compensation)',
        scenario.persona.id,
        ['expectations', 'compensation']
      )
    )
  }
  scenario.critical.forEach((item, i) => {
    const unmet =
      (item === 'mandatory_steps' && scenario.mandatorySteps.length === 0) ||
      (item !== 'mandatory_steps' &&
        item !== 'branches' &&
        item !== 'disposition' &&
        scenario.expectations[item] === undefined)
    if (unmet) {
      found.push(
        issue(
          'bad_critical',
          { key: 'nothingExpected', params: { item } },
          `"${item}" is critical but nothing is expected of it`,
          item,
          ['critical', i]
        )
      )
    }
  })
  return found
}

/** Every finding about `scenario`; empty when it is good to publish. */
export function validateScenario(scenario: Scenario, scripts: ScriptLookup): ScenarioIssue[] {
  const own = [
    ...personaIssues(scenario),
    ...idIssues(scenario),
    ...translations(scenario),
    ...expectationIssues(scenario)
  ]
  const script = scripts(scenario.script.id, scenario.script.version)
  if (!script) {
    return [
      ...own,
      issue(
        'unknown_script',
        {
          key: 'noVersion',
          params: { script: scenario.script.id, version: scenario.script.version }
        },
        `script ${scenario.script.id} version ${String(scenario.script.version)} does not exist`,
        scenario.script.id,
        ['script']
      )
    ]
  }
  return [
    ...own,
    ...pathIssues(scenario, script),
    ...turnIssues(scenario, script),
    ...stepIssues(scenario, script),
    ...expectationScriptIssues(scenario, script)
  ]
}
