import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import type { IssueCode } from '@shared/scripts/issues'
import { checkScriptSource, parseScript } from '@shared/scripts/script-source'
import { sampleYaml } from './sample-script'

const corpus = join(import.meta.dirname, '../../../fixtures/scripts/broken')

/** One defect per file: the code, the node at fault and the line the error must point at. */
const broken: [file: string, code: IssueCode, nodeId: string | null, line: number][] = [
  ['duplicate-key.yaml', 'syntax', null, 13],
  ['schema-unknown-kind.yaml', 'schema', 'greet', 10],
  ['schema-missing-text.yaml', 'schema', 'greet', 9],
  ['duplicate-node.yaml', 'duplicate_id', null, 13],
  ['undefined-next.yaml', 'undefined_node', 'route', 18],
  ['undefined-next.json', 'undefined_node', 'route', 13],
  ['unreachable.yaml', 'unreachable_node', 'orphan', 13],
  ['dead-end.yaml', 'dead_end', 'stuck', 13],
  ['choice-dead-end.yaml', 'dead_end', 'greet', 9],
  ['cycle.yaml', 'cycle_without_exit', 'again', 13],
  ['undefined-variable.yaml', 'undefined_variable', 'greet', 12],
  ['undefined-answer.yaml', 'undefined_answer', 'greet', 13],
  ['condition-undefined-answer.yaml', 'undefined_answer', 'route', 20],
  ['callback-not-date.yaml', 'undefined_answer', 'book', 16],
  ['answer-unavailable.yaml', 'answer_unavailable', 'greet', 12],
  ['yes-no-string.yaml', 'impossible_condition', 'route', 17],
  ['choice-not-option.yaml', 'impossible_condition', 'route', 21],
  ['rating-out-of-range.yaml', 'impossible_condition', 'route', 17],
  ['customer-type.yaml', 'impossible_condition', 'route', 17],
  ['empty-time-range.yaml', 'impossible_condition', 'route', 17],
  ['missing-translation.yaml', 'missing_translation', 'greet', 12],
  ['unknown-complaint-category.yaml', 'unknown_action_target', 'greet', 13],
  ['unknown-disposition.yaml', 'unknown_action_target', 'done', 15],
  ['unknown-queue.yaml', 'unknown_action_target', 'greet', 11]
]

describe('the broken corpus', () => {
  it('has a test row for every file', () => {
    expect(readdirSync(corpus).sort()).toEqual(broken.map(([file]) => file).sort())
  })

  it.each(broken)('%s → %s', (file, code, nodeId, line) => {
    const { issues } = checkScriptSource(readFileSync(join(corpus, file), 'utf8'))
    expect(issues.map((i) => ({ code: i.code, nodeId: i.nodeId, line: i.line }))).toEqual([
      { code, nodeId, line }
    ])
    expect(issues[0]?.message).not.toBe('')
  })
})

describe('syntax errors', () => {
  // Kept inline: files that do not parse would also fail the repository's format check.
  it('points at the line of a badly indented key', () => {
    const source = 'id: x\nnodes:\n  - id: a\n    kind: say\n   text: { es: Hola }\n'
    const { issues, script } = checkScriptSource(source)
    expect(script).toBeNull()
    expect(issues[0]).toMatchObject({ code: 'syntax', line: 5 })
  })

  it('reports an unterminated quote (at the end of the file, where the parser notices)', () => {
    const { issues } = checkScriptSource('id: x\nversion: 1\ntitle: { es: "Hola }\n')
    expect(issues[0]?.code).toBe('syntax')
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3)
  })

  it('points at the line of bad JSON', () => {
    const { issues } = checkScriptSource('{\n  "id": "x",\n  "version": 1,,\n}\n')
    expect(issues[0]).toMatchObject({ code: 'syntax', line: 3 })
  })

  it('treats an empty file as a schema error', () => {
    expect(checkScriptSource('').issues[0]).toMatchObject({ code: 'schema', line: 1 })
  })
})

describe('checks that need more than one defect to show', () => {
  const check = (yaml: string) => checkScriptSource(yaml).issues.map((i) => [i.code, i.nodeId])

  it('accepts a loop the agent can leave', () => {
    expect(check(sampleYaml)).toEqual([])
    const loop = sampleYaml.replace(
      '    default: age',
      '    default: age\n  - id: again\n    kind: branch\n    rules: [{ when: { language: es }, next: route }]\n    default: finish'
    )
    expect(check(loop)).toEqual([['unreachable_node', 'again']])
  })

  it('accepts a jump step without next (it returns) but not a main-flow one', () => {
    const mainDeadEnd = sampleYaml.replace(
      '    answer: { type: yes_no }\n    next: finish',
      '    answer: { type: yes_no }'
    )
    expect(check(mainDeadEnd)).toEqual([['dead_end', 'satisfied']])
  })

  it('reports a jump whose start does not exist, and a duplicate jump', () => {
    const bad = sampleYaml.replace('start: faq-say }', 'start: faq-nope }')
    expect(check(bad)).toEqual([
      ['undefined_node', null],
      ['unreachable_node', 'faq-say']
    ])
    const twice = sampleYaml.replace('id: faq,', 'id: price,')
    expect(check(twice)).toEqual([['duplicate_id', null]])
  })

  it('reports a disposition action the script does not declare', () => {
    const bad = sampleYaml.replace(
      'action: { type: transfer, queue: support }',
      'action: { type: set_disposition, code: nope }'
    )
    expect(check(bad)).toEqual([['unknown_action_target', 'vip']])
  })

  it('checks conditions inside all, any and not', () => {
    const bad = sampleYaml.replace(
      '{ tier: [high_yield] }',
      '{ not: { any: [{ answer: reason, op: eq, value: nope }] } }'
    )
    expect(check(bad)).toEqual([['impossible_condition', 'route']])
  })

  it('finds number bounds that can never hold', () => {
    const withRule = (rule: string) =>
      sampleYaml.replace(
        '      - when: { answer: reason, op: eq, value: complain }\n        next: detail',
        `      - when: { answer: reason, op: eq, value: complain }\n        next: detail\n      - when: ${rule}\n        next: detail`
      )
    // `route` runs before `age` is asked, so point the rule at a branch after it instead.
    const after = (rule: string) =>
      sampleYaml.replace(
        '    answer: { type: number, min: 18, max: 120, integer: true }\n    optional: true\n    next: satisfied',
        `    answer: { type: number, min: 18, max: 120, integer: true }\n    optional: true\n    next: age-check\n  - id: age-check\n    kind: branch\n    rules: [{ when: ${rule}, next: finish }]\n    default: satisfied`
      )
    expect(check(withRule('{ answer: age, op: gt, value: 30 }'))).toEqual([
      ['answer_unavailable', 'route']
    ])
    expect(check(after('{ answer: age, op: gte, value: 18 }'))).toEqual([])
    expect(check(after('{ answer: age, op: lt, value: 18 }'))).toEqual([
      ['impossible_condition', 'age-check']
    ])
    expect(check(after('{ answer: age, op: eq, value: 30.5 }'))).toEqual([
      ['impossible_condition', 'age-check']
    ])
    expect(check(after('{ answer: age, op: gt, value: 120 }'))).toEqual([
      ['impossible_condition', 'age-check']
    ])
    expect(check(after('{ answer: age, op: exists }'))).toEqual([])
  })

  it('rejects a comparison without a value as a schema error', () => {
    const bad = sampleYaml.replace(
      '{ answer: reason, op: eq, value: complain }',
      '{ answer: reason, op: eq }'
    )
    expect(check(bad)).toEqual([['schema', 'route']])
  })

  it('reports an unknown variable scope', () => {
    const bad = sampleYaml.replace('Aviso legal,', "'Aviso {{agent.name}}',")
    expect(check(bad)).toEqual([['undefined_variable', 'legal']])
  })
})

describe('parseScript', () => {
  it('refuses a script with any issue', () => {
    const parsed = parseScript(sampleYaml.replace('next: legal', 'next: nowhere'))
    expect(parsed.ok).toBe(false)
  })
})
