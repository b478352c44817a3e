/**
 * What the shape alone cannot say about a scenario: the persona is unmistakably synthetic, ids
 * are unique, both languages are there, and everything the scenario names exists in its script
 * version and fits it — the expected path is a real path from the start to an end, answers fit
 * their questions, objections are the script's jumps, the disposition is the script's and is
 * where the path ends, and the compensation the customer takes is within the agent's authority.
 */
import { checkAnswer } from '../scripts/check-answer'
import { missingLanguages, type LocalizedText } from '../scripts/localized-text'
import { successors } from '../scripts/script-graph'
import { findNode, type Script } from '../scripts/schema'
import type { DocPath } from '../yaml/located-yaml'
import { decisionsOf } from './scenario-graph'
import { scenarioIssue as issue, type ScenarioIssue } from './scenario-issues'
import type { Scenario, ScriptLookup } from './scenario-schema'
import { FICTIONAL_PHONE_HINT, isFictionalPhone, isPersonaId } from './persona-rules'

/** Findings for ids that appear twice in `ids`, at the second and later places. */
function duplicates(ids: readonly string[], path: (i: number) => DocPath): ScenarioIssue[] {
  const seen = new Set<string>()
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id)
      return []
    }
    return [issue('duplicate_id', `"${id}" is listed twice`, id, path(i))]
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
        found.push(issue('missing_translation', `missing ${missing.join(', ')}`, id, path))
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
          issue('persona_not_on_file', `a caller who is not on file has no ${key}`, persona.id, [
            'persona',
            key
          ])
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
      found.push(issue('bad_compensation', 'min is above max', scenario.persona.id, [...at, 'min']))
    }
    if (!authority) {
      found.push(
        issue(
          'bad_compensation',
          'the customer takes a compensation but expectations set no authority for it',
          scenario.persona.id,
          at
        )
      )
    } else if (authority.currency !== takes.currency) {
      found.push(
        issue(
          'bad_compensation',
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
        issue('bad_critical', `"${item}" is critical but nothing is expected of it`, item, [
          'critical',
          i
        ])
      )
    }
  })
  return found
}

function pathIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const path = scenario.expectedPath
  path.forEach((id, i) => {
    const node = findNode(script, id)
    if (!node) {
      found.push(
        issue(
          'unknown_node',
          `node "${id}" is not in ${script.id} v${String(script.version)}`,
          id,
          ['expectedPath', i]
        )
      )
      return
    }
    if (i === 0 && id !== script.start) {
      found.push(
        issue('bad_path', `the script starts at "${script.start}", not here`, id, [
          'expectedPath',
          0
        ])
      )
    }
    const after = path[i + 1]
    if (after !== undefined && findNode(script, after) && !successors(node).includes(after)) {
      found.push(
        issue('bad_path', `"${id}" never leads to "${after}"`, after, ['expectedPath', i + 1])
      )
    }
    if (after === undefined && node.kind !== 'end') {
      found.push(
        issue('bad_path', 'the expected path stops before an end node', id, ['expectedPath', i])
      )
    }
  })
  return found
}

function turnIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const jumps = new Set((script.jumps ?? []).map((j) => j.id))
  scenario.customer.turns.forEach((turn, i) => {
    const at: DocPath = ['customer', 'turns', i]
    const node = findNode(script, turn.node)
    if (!node) {
      found.push(
        issue('unknown_node', `node "${turn.node}" is not in the script`, turn.node, [
          ...at,
          'node'
        ])
      )
      return
    }
    if (turn.answer !== undefined) {
      if (node.kind !== 'ask') {
        found.push(issue('bad_answer', `"${turn.node}" asks nothing`, turn.node, [...at, 'answer']))
      } else {
        const problem = checkAnswer(node.answer, turn.answer)
        if (problem) found.push(issue('bad_answer', problem, turn.node, [...at, 'answer']))
        else if (node.answer.type === 'choice') {
          // A choice with per-option targets decides the path: the answer must take the expected one.
          const chosen = node.answer.options.find((o) => o.value === turn.answer)
          const leadsTo = chosen?.next ?? node.next
          const index = scenario.expectedPath.indexOf(turn.node)
          const expected = index >= 0 ? scenario.expectedPath[index + 1] : undefined
          if (expected !== undefined && leadsTo !== undefined && leadsTo !== expected) {
            found.push(
              issue(
                'bad_answer',
                `this answer leads to "${leadsTo}", the expected path goes to "${expected}"`,
                turn.node,
                [...at, 'answer']
              )
            )
          }
        }
      }
    }
    if (turn.objection && !jumps.has(turn.objection.jump)) {
      found.push(
        issue(
          'unknown_jump',
          `"${turn.objection.jump}" is not a jump of the script`,
          turn.objection.jump,
          [...at, 'objection', 'jump']
        )
      )
    }
    if (turn.offer && (node.kind !== 'action' || node.action.type !== 'offer_product')) {
      found.push(issue('bad_offer', `"${turn.node}" offers nothing`, turn.node, [...at, 'offer']))
    }
  })
  // Every required question on the path needs the customer's answer, or the trainee has none to record.
  const answered = new Set(
    scenario.customer.turns.filter((t) => t.answer !== undefined).map((t) => t.node)
  )
  scenario.expectedPath.forEach((id, i) => {
    const node = findNode(script, id)
    if (node?.kind === 'ask' && node.optional !== true && !answered.has(id)) {
      found.push(
        issue('missing_answer', `the customer gives no answer at "${id}"`, id, ['expectedPath', i])
      )
    }
  })
  return found
}

function stepIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const onPath = new Set(scenario.expectedPath)
  const named = (id: string, path: DocPath): void => {
    if (!findNode(script, id)) {
      found.push(issue('unknown_node', `node "${id}" is not in the script`, id, path))
    } else if (!onPath.has(id)) {
      found.push(issue('not_on_path', `"${id}" is not on the expected path`, id, path))
    }
  }
  scenario.mandatorySteps.forEach((id, i) => {
    named(id, ['mandatorySteps', i])
  })
  for (const id of Object.keys(scenario.timeTargets)) named(id, ['timeTargets', id])
  const listed = new Set(scenario.mandatorySteps)
  scenario.expectedPath.forEach((id, i) => {
    const node = findNode(script, id)
    if (node?.kind === 'say' && node.mandatory === true && !listed.has(id)) {
      found.push(
        issue(
          'mandatory_not_listed',
          `the script makes "${id}" mandatory: list it in mandatorySteps`,
          id,
          ['expectedPath', i]
        )
      )
    }
  })
  if (
    scenario.critical.includes('branches') &&
    decisionsOf(script, scenario.expectedPath).length === 0
  ) {
    const i = scenario.critical.indexOf('branches')
    found.push(
      issue('bad_critical', '"branches" is critical but the path has no decision', 'branches', [
        'critical',
        i
      ])
    )
  }
  return found
}

function expectationScriptIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const { offer, disposition } = scenario.expectations
  if (offer) {
    const at: DocPath = ['expectations', 'offer']
    const node = findNode(script, offer.node)
    if (!node) {
      found.push(
        issue('unknown_node', `node "${offer.node}" is not in the script`, offer.node, [
          ...at,
          'node'
        ])
      )
    } else if (node.kind !== 'action' || node.action.type !== 'offer_product') {
      found.push(issue('bad_offer', `"${offer.node}" offers nothing`, offer.node, [...at, 'node']))
    } else {
      if (!scenario.expectedPath.includes(offer.node)) {
        found.push(
          issue('not_on_path', `"${offer.node}" is not on the expected path`, offer.node, [
            ...at,
            'node'
          ])
        )
      }
      const fixed = node.action.product === 'next_best_offer' ? undefined : node.action.product
      if (offer.product !== undefined && fixed !== undefined && offer.product !== fixed) {
        found.push(
          issue(
            'bad_offer',
            `"${offer.node}" offers ${fixed}, not ${offer.product}`,
            offer.product,
            [...at, 'product']
          )
        )
      }
      const reaction = scenario.customer.turns.find((t) => t.node === offer.node)?.offer
      if (reaction?.response !== offer.outcome) {
        found.push(
          issue(
            'bad_offer',
            reaction
              ? `the customer's response is ${reaction.response}, not ${offer.outcome}`
              : `the customer has no offer reaction at "${offer.node}"`,
            offer.node,
            [...at, 'outcome']
          )
        )
      }
    }
  }
  const at: DocPath = ['expectations', 'disposition']
  if (!script.dispositions.some((d) => d.code === disposition)) {
    found.push(
      issue(
        'unknown_disposition',
        `"${disposition}" is not a disposition of the script`,
        disposition,
        at
      )
    )
  } else {
    const last = findNode(script, scenario.expectedPath[scenario.expectedPath.length - 1] ?? '')
    if (last?.kind === 'end' && last.outcome !== disposition) {
      found.push(
        issue(
          'disposition_mismatch',
          `the expected path ends with "${last.outcome}"`,
          disposition,
          at
        )
      )
    }
  }
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
