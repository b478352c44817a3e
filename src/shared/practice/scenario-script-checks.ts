/**
 * The checks that read the scenario's script version: the expected path is a real path from the
 * start to an end node, every node named exists, answers fit their questions and take the
 * expected way at a choice, objections are jumps of the script, offers are offer steps, mandatory
 * lines are listed, and the disposition is the script's and the one the path ends with.
 */
import { answerProblem, describeAnswerProblem } from '../scripts/check-answer'
import { successors } from '../scripts/script-graph'
import { findNode, type Script } from '../scripts/schema'
import type { DocPath } from '../yaml/located-yaml'
import { decisionsOf } from './scenario-graph'
import { scenarioIssue as issue, type ScenarioIssue } from './scenario-issues'
import type { Scenario } from './scenario-schema'

export function pathIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const path = scenario.expectedPath
  path.forEach((id, i) => {
    const node = findNode(script, id)
    if (!node) {
      found.push(
        issue(
          'unknown_node',
          { key: 'notInVersion', params: { node: id, script: script.id, version: script.version } },
          `node "${id}" is not in ${script.id} v${String(script.version)}`,
          id,
          ['expectedPath', i]
        )
      )
      return
    }
    if (i === 0 && id !== script.start) {
      found.push(
        issue(
          'bad_path',
          { key: 'wrongStart', params: { start: script.start } },
          `the script starts at "${script.start}", not here`,
          id,
          ['expectedPath', 0]
        )
      )
    }
    const after = path[i + 1]
    if (after !== undefined && findNode(script, after) && !successors(node).includes(after)) {
      found.push(
        issue(
          'bad_path',
          { key: 'neverLeads', params: { from: id, to: after } },
          `"${id}" never leads to "${after}"`,
          after,
          ['expectedPath', i + 1]
        )
      )
    }
    if (after === undefined && node.kind !== 'end') {
      found.push(
        issue(
          'bad_path',
          { key: 'stopsEarly', params: {} },
          'the expected path stops before an end node',
          id,
          ['expectedPath', i]
        )
      )
    }
  })
  return found
}

export function turnIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const jumps = new Set((script.jumps ?? []).map((j) => j.id))
  scenario.customer.turns.forEach((turn, i) => {
    const at: DocPath = ['customer', 'turns', i]
    const node = findNode(script, turn.node)
    if (!node) {
      found.push(
        issue(
          'unknown_node',
          { key: 'notInScript', params: { node: turn.node } },
          `node "${turn.node}" is not in the script`,
          turn.node,
          [...at, 'node']
        )
      )
      return
    }
    if (turn.answer !== undefined) {
      if (node.kind !== 'ask') {
        found.push(
          issue(
            'bad_answer',
            { key: 'asksNothing', params: { node: turn.node } },
            `"${turn.node}" asks nothing`,
            turn.node,
            [...at, 'answer']
          )
        )
      } else {
        const problem = answerProblem(node.answer, turn.answer)
        if (problem) {
          const message = describeAnswerProblem(problem)
          found.push(issue('bad_answer', problem, message, turn.node, [...at, 'answer']))
        } else if (node.answer.type === 'choice') {
          // An option with its own target decides the path (else the path check covers it): the answer
          // must take the expected way.
          const chosen = node.answer.options.find((o) => o.value === turn.answer)
          const leadsTo = chosen?.next ?? node.next
          const index = scenario.expectedPath.indexOf(turn.node)
          const expected = index >= 0 ? scenario.expectedPath[index + 1] : undefined
          if (chosen?.next !== undefined && expected !== undefined && leadsTo !== expected) {
            found.push(
              issue(
                'bad_answer',
                { key: 'leadsElsewhere', params: { to: chosen.next, expected } },
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
          { key: 'notAJump', params: { jump: turn.objection.jump } },
          `"${turn.objection.jump}" is not a jump of the script`,
          turn.objection.jump,
          [...at, 'objection', 'jump']
        )
      )
    }
    if (turn.offer && (node.kind !== 'action' || node.action.type !== 'offer_product')) {
      found.push(
        issue(
          'bad_offer',
          { key: 'offersNothing', params: { node: turn.node } },
          `"${turn.node}" offers nothing`,
          turn.node,
          [...at, 'offer']
        )
      )
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
        issue(
          'missing_answer',
          { key: 'noAnswer', params: { node: id } },
          `the customer gives no answer at "${id}"`,
          id,
          ['expectedPath', i]
        )
      )
    }
  })
  return found
}

export function stepIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const onPath = new Set(scenario.expectedPath)
  const named = (id: string, path: DocPath): void => {
    if (!findNode(script, id)) {
      const detail = { key: 'notInScript', params: { node: id } } as const
      found.push(issue('unknown_node', detail, `node "${id}" is not in the script`, id, path))
    } else if (!onPath.has(id)) {
      const detail = { key: 'notOnPath', params: { node: id } } as const
      found.push(issue('not_on_path', detail, `"${id}" is not on the expected path`, id, path))
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
          { key: 'notListed', params: { node: id } },
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
      issue(
        'bad_critical',
        { key: 'noDecision', params: {} },
        '"branches" is critical but the path has no decision',
        'branches',
        ['critical', i]
      )
    )
  }
  return found
}

export function expectationScriptIssues(scenario: Scenario, script: Script): ScenarioIssue[] {
  const found: ScenarioIssue[] = []
  const { offer, disposition } = scenario.expectations
  if (offer) {
    const at: DocPath = ['expectations', 'offer']
    const node = findNode(script, offer.node)
    if (!node) {
      found.push(
        issue(
          'unknown_node',
          { key: 'notInScript', params: { node: offer.node } },
          `node "${offer.node}" is not in the script`,
          offer.node,
          [...at, 'node']
        )
      )
    } else if (node.kind !== 'action' || node.action.type !== 'offer_product') {
      found.push(
        issue(
          'bad_offer',
          { key: 'offersNothing', params: { node: offer.node } },
          `"${offer.node}" offers nothing`,
          offer.node,
          [...at, 'node']
        )
      )
    } else {
      if (!scenario.expectedPath.includes(offer.node)) {
        found.push(
          issue(
            'not_on_path',
            { key: 'notOnPath', params: { node: offer.node } },
            `"${offer.node}" is not on the expected path`,
            offer.node,
            [...at, 'node']
          )
        )
      }
      const fixed = node.action.product === 'next_best_offer' ? undefined : node.action.product
      if (offer.product !== undefined && fixed !== undefined && offer.product !== fixed) {
        found.push(
          issue(
            'bad_offer',
            {
              key: 'otherProduct',
              params: { node: offer.node, offers: fixed, product: offer.product }
            },
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
              ? {
                  key: 'otherResponse',
                  params: { response: reaction.response, outcome: offer.outcome }
                }
              : { key: 'noReaction', params: { node: offer.node } },
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
        { key: 'notInScript', params: { disposition } },
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
          { key: 'pathEnds', params: { outcome: last.outcome } },
          `the expected path ends with "${last.outcome}"`,
          disposition,
          at
        )
      )
    }
  }
  return found
}
