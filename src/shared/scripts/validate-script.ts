/**
 * The validator: everything that makes a schema-valid script unusable or wrong on a call.
 * Findings carry the node id and document path; script-source.ts adds file lines. Checks:
 * duplicate ids, undefined node references, unreachable nodes, dead ends, loops with no way
 * out, undefined variables and answers (or answers used before they can be given), conditions
 * that can never hold, missing translations and unknown action targets.
 */
import { complaintCategories } from '../domain/complaint'
import { issue, type DocPath, type ScriptIssue } from './issues'
import { missingLanguages } from './localized-text'
import { findNode, type AskNode, type Script, type ScriptNode } from './schema'
import { canReach, lacksExit, loops, reachable, successors } from './script-graph'
import { scriptTexts } from './script-texts'
import { variablesIn } from './template'
import { conditionIssues } from './validate-conditions'

interface Reach {
  main: Set<string>
  jumpOnly: Set<string>
  all: Set<string>
}

function duplicates(values: string[], path: (i: number) => DocPath, what: string): ScriptIssue[] {
  const seen = new Set<string>()
  return values.flatMap((v, i) => {
    if (!seen.has(v)) {
      seen.add(v)
      return []
    }
    return [issue('duplicate_id', `${what} "${v}" is defined twice`, null, path(i))]
  })
}

function referenceIssues(script: Script): ScriptIssue[] {
  const found: ScriptIssue[] = []
  const check = (id: string | undefined, nodeId: string | null, path: DocPath): void => {
    if (id !== undefined && !findNode(script, id)) {
      found.push(issue('undefined_node', `"${id}" is not a node of this script`, nodeId, path))
    }
  }
  check(script.start, null, ['start'])
  ;(script.jumps ?? []).forEach((j, i) => {
    check(j.start, null, ['jumps', i, 'start'])
  })
  script.nodes.forEach((node, i) => {
    const at: DocPath = ['nodes', i]
    if (node.kind === 'branch') {
      node.rules.forEach((r, k) => {
        check(r.next, node.id, [...at, 'rules', k, 'next'])
      })
      check(node.default, node.id, [...at, 'default'])
      return
    }
    if (node.kind === 'end') return
    check(node.next, node.id, [...at, 'next'])
    if (node.kind === 'ask' && node.answer.type === 'choice') {
      node.answer.options.forEach((o, k) => {
        check(o.next, node.id, [...at, 'answer', 'options', k, 'next'])
      })
    }
  })
  return found
}

function graphIssues(script: Script, reach: Reach): ScriptIssue[] {
  const found: ScriptIssue[] = []
  const position = new Map(script.nodes.map((n, i) => [n.id, i]))
  script.nodes.forEach((node, i) => {
    if (!reach.all.has(node.id)) {
      found.push(
        issue('unreachable_node', 'no path from the start or a jump leads here', node.id, [
          'nodes',
          i,
          'id'
        ])
      )
    } else if (reach.main.has(node.id) && lacksExit(node)) {
      found.push(
        issue(
          'dead_end',
          `this ${node.kind} step has no way forward (add next, or lead to an end)`,
          node.id,
          ['nodes', i]
        )
      )
    }
  })
  // A loop is fine while some member can still reach an end, a dead end (reported above) or a
  // jump's return point.
  const exits = new Set(
    script.nodes.filter((n) => n.kind === 'end' || lacksExit(n)).map((n) => n.id)
  )
  const escapes = canReach(script, exits)
  for (const component of loops(script)) {
    if (component.some((id) => escapes.has(id) || !reach.all.has(id))) continue
    const ordered = component
      .map((id) => ({ id, at: position.get(id) ?? 0 }))
      .sort((a, b) => a.at - b.at)
    const [first] = ordered
    if (!first) continue
    found.push(
      issue(
        'cycle_without_exit',
        `${ordered.map((m) => m.id).join(', ')} loop with no way to an end`,
        first.id,
        ['nodes', first.at]
      )
    )
  }
  return found
}

function answerResolver(script: Script, reach: Reach) {
  const after = new Map<string, Set<string>>()
  /** The ask `answerId` names, if it exists and can have been answered by the time `userId` shows. */
  return (answerId: string, userId: string | null, path: DocPath): AskNode | ScriptIssue => {
    const ask = findNode(script, answerId)
    if (ask?.kind !== 'ask') {
      return issue(
        'undefined_answer',
        `answers.${answerId}: "${answerId}" is not a question`,
        userId,
        path
      )
    }
    if (userId === null || reach.jumpOnly.has(userId) || reach.jumpOnly.has(answerId)) return ask
    let later = after.get(answerId)
    if (!later) {
      later = reachable(script, successors(ask))
      after.set(answerId, later)
    }
    return later.has(userId)
      ? ask
      : issue(
          'answer_unavailable',
          `answers.${answerId} is never asked before this step`,
          userId,
          path
        )
  }
}

function textIssues(script: Script, resolve: ReturnType<typeof answerResolver>): ScriptIssue[] {
  return scriptTexts(script).flatMap(({ text, path, nodeId }) => {
    const found: ScriptIssue[] = missingLanguages(text).map((l) =>
      issue('missing_translation', `the text has no "${l}" translation`, nodeId, path)
    )
    for (const language of ['es', 'en'] as const) {
      const value = text[language]
      if (value === undefined) continue
      for (const { name, ref } of variablesIn(value)) {
        const at = [...path, language]
        if (ref.kind === 'invalid') {
          found.push(issue('undefined_variable', `{{${name}}}: ${ref.reason}`, nodeId, at))
        } else if (ref.kind === 'answer') {
          const ask = resolve(ref.nodeId, nodeId, at)
          if ('code' in ask) found.push(ask)
        }
      }
    }
    return found
  })
}

function nodeIssues(
  script: Script,
  node: ScriptNode,
  at: DocPath,
  resolve: ReturnType<typeof answerResolver>
): ScriptIssue[] {
  const dispositions = script.dispositions.map((d) => d.code)
  const unknown = (message: string, ...rest: DocPath): ScriptIssue[] => [
    issue('unknown_action_target', message, node.id, [...at, ...rest])
  ]
  if (node.kind === 'end') {
    return dispositions.includes(node.outcome)
      ? []
      : unknown(`outcome "${node.outcome}" is not among the script's dispositions`, 'outcome')
  }
  if (node.kind === 'branch') {
    const scope = { nodeId: node.id, askFor: (id: string, p: DocPath) => resolve(id, node.id, p) }
    return node.rules.flatMap((r, k) => conditionIssues(r.when, [...at, 'rules', k, 'when'], scope))
  }
  if (node.kind !== 'action') return []
  const action = node.action
  switch (action.type) {
    case 'create_complaint':
      return complaintCategories.some((c) => c === action.category)
        ? []
        : unknown(
            `complaint category "${action.category}" does not exist (${complaintCategories.join(', ')})`,
            'action',
            'category'
          )
    case 'set_disposition':
      return dispositions.includes(action.code)
        ? []
        : unknown(
            `disposition "${action.code}" is not among the script's dispositions`,
            'action',
            'code'
          )
    case 'transfer':
      return action.queue === undefined || (script.queues ?? []).includes(action.queue)
        ? []
        : unknown(`queue "${action.queue}" is not among the script's queues`, 'action', 'queue')
    case 'schedule_callback': {
      if (action.dateAnswer === undefined) return []
      const ask = resolve(action.dateAnswer, node.id, [...at, 'action', 'dateAnswer'])
      if ('code' in ask) return [ask]
      return ask.answer.type === 'date'
        ? []
        : [
            issue('undefined_answer', `"${action.dateAnswer}" is not a date question`, node.id, [
              ...at,
              'action',
              'dateAnswer'
            ])
          ]
    }
    case 'offer_product':
      return []
  }
}

/** Every finding for a schema-valid script, in document order of the checks. */
export function validateScript(script: Script): ScriptIssue[] {
  const jumpStarts = (script.jumps ?? []).map((j) => j.start)
  const main = reachable(script, [script.start])
  const fromJumps = reachable(script, jumpStarts)
  const reach: Reach = {
    main,
    jumpOnly: new Set([...fromJumps].filter((id) => !main.has(id))),
    all: new Set([...main, ...fromJumps])
  }
  const resolve = answerResolver(script, reach)
  return [
    ...duplicates(
      script.nodes.map((n) => n.id),
      (i) => ['nodes', i, 'id'],
      'node'
    ),
    ...duplicates(
      script.dispositions.map((d) => d.code),
      (i) => ['dispositions', i, 'code'],
      'disposition'
    ),
    ...duplicates(
      (script.jumps ?? []).map((j) => j.id),
      (i) => ['jumps', i, 'id'],
      'jump'
    ),
    ...script.nodes.flatMap((n, i) =>
      n.kind === 'ask' && n.answer.type === 'choice'
        ? duplicates(
            n.answer.options.map((o) => o.value),
            (k) => ['nodes', i, 'answer', 'options', k, 'value'],
            'option'
          )
        : []
    ),
    ...referenceIssues(script),
    ...graphIssues(script, reach),
    ...textIssues(script, resolve),
    ...script.nodes.flatMap((n, i) => nodeIssues(script, n, ['nodes', i], resolve))
  ]
}
