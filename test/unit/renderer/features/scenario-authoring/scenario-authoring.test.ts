/**
 * Scenario management's pure parts and its calls to the server (a fake fetch stands in; the real
 * routes run in the integration suite and the e2e spec): versions grouped per scenario, the text
 * a new version or a copy starts from, and the answers read: the list, a 400's findings on their
 * lines, the server down.
 */
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { checkScenarioSource } from '@shared/practice'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { createScenarioAdminApi } from '@renderer/features/scenario-authoring'
import {
  copyId,
  copySource,
  groupScenarios,
  nextVersionSource
} from '@renderer/features/scenario-authoring/scenario-groups'

const SAMPLE = readFileSync('resources/practice-scenarios/retention-objections.yaml', 'utf8')

const version = (
  scenarioId: string,
  n: number,
  status: ScenarioVersion['status'],
  retired = false
): ScenarioVersion => ({
  scenarioId,
  version: n,
  title: { es: scenarioId },
  summary: {},
  script: { id: 'outbound-retention', version: 1 },
  persona: 'Luis Romero',
  status,
  retired,
  uploadedAt: '2026-12-07T10:00:00.000Z',
  uploadedBy: 'Tomás Vidal',
  publishedAt: status === 'published' ? '2026-12-07T10:05:00.000Z' : null
})

describe('the scenarios list', () => {
  it('groups versions newest first, with the published one trainees run', () => {
    const groups = groupScenarios([
      version('b', 1, 'published'),
      version('a', 1, 'published'),
      version('a', 3, 'draft'),
      version('a', 2, 'published'),
      version('c', 1, 'draft', true)
    ])
    expect(groups.map((g) => g.scenarioId)).toEqual(['a', 'b', 'c'])
    expect(groups[0]?.versions.map((v) => v.version)).toEqual([3, 2, 1])
    expect(groups[0]?.current?.version).toBe(2)
    expect(groups[2]).toMatchObject({ current: null, retired: true })
  })

  it('numbers a new version above every one, and copies as version 1 under a free id', () => {
    const [group] = groupScenarios([
      version('retention-objections', 1, 'published'),
      version('retention-objections', 2, 'draft')
    ])
    if (!group) throw new Error('no group')
    const next = nextVersionSource(group, SAMPLE)
    expect(next).toMatch(/^version: 3$/m)
    expect(next.replace(/^version: 3$/m, 'version: 1')).toBe(SAMPLE)
    const taken = new Set(['retention-objections', 'retention-objections-copia'])
    const id = copyId('retention-objections', taken, 'copia')
    expect(id).toBe('retention-objections-copia-2')
    const copy = copySource(next, id)
    expect(copy).toMatch(/^id: retention-objections-copia-2$/m)
    expect(copy).toMatch(/^version: 1$/m)
    // Only the top-level lines change: the persona's id stays, and the copy still checks.
    expect(copy).toContain('id: persona-luis-romero')
    expect(checkScenarioSource(copy, () => undefined).scenario?.id).toBe(id)
    expect(copyId('x'.repeat(64), new Set(), 'copia').length).toBeLessThanOrEqual(64)
  })
})

describe('the calls to the server', () => {
  const api = (answer: () => Promise<Response>) =>
    createScenarioAdminApi({
      baseUrl: () => 'http://127.0.0.1:1',
      token: () => 't',
      renew: () => Promise.resolve(),
      fetch: answer
    })

  it('reads every version, and a 400 as findings on their lines', async () => {
    const list = await api(() =>
      Promise.resolve(Response.json({ versions: [version('a', 1, 'draft')] }))
    ).list()
    expect(list).toMatchObject({ ok: true, data: [{ scenarioId: 'a', version: 1 }] })
    const rejected = await api(() =>
      Promise.resolve(
        Response.json(
          {
            code: 'invalid_scenario',
            message: 'The scenario has 1 problem',
            issues: [
              {
                code: 'unknown_node',
                message: 'node "x" is not in outbound-retention v1',
                id: 'x',
                path: ['expectedPath', 1],
                line: 30,
                column: 5,
                detail: {
                  key: 'notInVersion',
                  params: { node: 'x', script: 'outbound-retention', version: 1 }
                }
              },
              // An older server's finding: its message only.
              {
                code: 'bad_path',
                message: '"a" never leads to "b"',
                id: 'b',
                path: ['expectedPath', 2],
                line: 31,
                column: 5
              }
            ],
            error: { code: 'invalid_argument', message: 'The scenario has 1 problem' }
          },
          { status: 400 }
        )
      )
    ).upload('id: x')
    expect(rejected).toEqual({
      ok: false,
      reason: 'rejected',
      message: 'The scenario has 1 problem',
      issues: [
        {
          code: 'unknown_node',
          message: 'node "x" is not in outbound-retention v1',
          line: 30,
          column: 5,
          detail: {
            key: 'notInVersion',
            params: { node: 'x', script: 'outbound-retention', version: 1 }
          }
        },
        { code: 'bad_path', message: '"a" never leads to "b"', line: 31, column: 5 }
      ]
    })
  })

  it('says offline when the server is down, and the server’s words for a conflict', async () => {
    expect(await api(() => Promise.reject(new TypeError('down'))).publish('a', 1)).toEqual({
      ok: false,
      reason: 'offline'
    })
    const conflict = await api(() =>
      Promise.resolve(
        Response.json(
          { error: { code: 'conflict', message: 'Version 2 of a already exists' } },
          { status: 409 }
        )
      )
    ).upload('id: a')
    expect(conflict).toEqual({
      ok: false,
      reason: 'failed',
      message: 'Version 2 of a already exists'
    })
  })
})
