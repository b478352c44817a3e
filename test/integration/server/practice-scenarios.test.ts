/**
 * Practice scenarios on the server (issue 20): the four samples seeded once even by two
 * instances at once; a trainer's upload checked against the script version it names (published
 * here first, else bundled) with every finding on its line; drafts seen by trainers only; a
 * published version is what everyone lists; retiring hides a scenario and restoring brings it
 * back; agents and leads write nothing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { beforeAll, expect, it } from 'vitest'

import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import { resourceDir } from '@server/resource-dir'
import {
  scenarioRejectedSchema,
  scenarioVersionDetailSchema,
  scenarioVersionListSchema,
  scenarioVersionSchema
} from '@shared/practice'
import { describeOnEngines } from '@support/engine-suite'
import { login } from '../../support/server-app'

type Session = Awaited<ReturnType<typeof login>>

const SAMPLES = [
  'retention-objections',
  'survey-csat-nps',
  'unknown-caller',
  'win-back-high-value'
] as const

const sample = (name: string): string =>
  readFileSync(join(resourceDir('practice-scenarios') ?? '', `${name}.yaml`), 'utf8')

/** The unknown-caller sample as another version (and, optionally, another id and title). */
function unknownCaller(version: number, options: { id?: string; title?: string } = {}): string {
  let source = sample('unknown-caller').replace(/^version: 1$/m, `version: ${String(version)}`)
  if (options.id) source = source.replace(/^id: unknown-caller$/m, `id: ${options.id}`)
  if (options.title) {
    source = source.replace('es: Llamada de un número desconocido', `es: ${options.title}`)
  }
  return source
}

/** The 1-based line of the first line of `source` that contains `text`. */
const lineOf = (source: string, text: string): number =>
  source.split('\n').findIndex((l) => l.includes(text)) + 1

describeOnEngines('practice scenarios on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}
  const request = (name: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: name === null ? {} : { authorization: `Bearer ${users[name]?.accessToken ?? ''}` },
      ...(payload === undefined ? {} : { payload })
    })
  const list = async (name: string, query = '') => {
    const answer = await request(name, 'GET', `/api/practice-scenarios${query}`)
    expect(answer.statusCode).toBe(200)
    return scenarioVersionListSchema.parse(answer.json()).versions
  }
  const upload = (name: string, source: string) =>
    request(name, 'POST', '/api/practice-scenarios', { source })

  beforeAll(async () => {
    for (const name of ['ana', 'carla', 'tomas', 'admin']) users[name] = await login(app, name)
  })

  it('seeds each sample as published version 1 once, even from two instances at once', async () => {
    const other = await database.openAnother()
    const results = await Promise.all([
      seedPracticeScenarios(database.db),
      seedPracticeScenarios(other)
    ])
    expect(results.flatMap((r) => r.seeded).sort()).toEqual([...SAMPLES])
    expect(results.flatMap((r) => r.refused)).toEqual([])
    const again = await seedPracticeScenarios(database.db)
    expect(again).toEqual({ found: true, seeded: [], present: [...SAMPLES], refused: [] })
    const rows = await database.db.query<{ scenario_id: string; version: number; status: string }>(
      'SELECT scenario_id, version, status FROM practice_scenarios ORDER BY scenario_id'
    )
    expect(rows).toEqual(
      SAMPLES.map((id) => ({ scenario_id: id, version: 1, status: 'published' }))
    )
    expect(await seedPracticeScenarios(database.db, null)).toMatchObject({
      found: false,
      seeded: []
    })

    // An agent lists them all, by the seed's author, and reads one whole.
    const listed = await list('ana')
    expect(listed.map((v) => [v.scenarioId, v.version, v.status, v.uploadedBy])).toEqual(
      SAMPLES.map((id) => [id, 1, 'published', 'Atiende'])
    )
    expect(listed.find((v) => v.scenarioId === 'unknown-caller')).toMatchObject({
      persona: 'Pablo',
      script: { id: 'inbound-service', version: 1 },
      title: { en: 'A call from an unknown number' },
      retired: false
    })
    const one = await request('ana', 'GET', '/api/practice-scenarios/unknown-caller/1')
    expect(one.statusCode).toBe(200)
    const detail = scenarioVersionDetailSchema.parse(one.json())
    expect(detail.source).toBe(sample('unknown-caller'))
    expect(detail.scenario.expectations.disposition).toBe('resolved')
  })

  it('a new version is a draft for trainers only until published, then the latest for all', async () => {
    const draft = await upload('tomas', unknownCaller(2, { title: 'Segunda versión' }))
    expect(draft.statusCode).toBe(201)
    expect(scenarioVersionSchema.parse(draft.json())).toMatchObject({
      scenarioId: 'unknown-caller',
      version: 2,
      status: 'draft',
      publishedAt: null,
      uploadedBy: 'Tomás Vidal'
    })
    // Not for an agent: not listed, not readable, and not theirs to list in full.
    const latest = (versions: { scenarioId: string; version: number }[]) =>
      versions.filter((v) => v.scenarioId === 'unknown-caller').map((v) => v.version)
    expect(latest(await list('ana'))).toEqual([1])
    expect(
      (await request('ana', 'GET', '/api/practice-scenarios/unknown-caller/2')).statusCode
    ).toBe(404)
    expect((await request('ana', 'GET', '/api/practice-scenarios?all=true')).statusCode).toBe(403)
    expect(latest(await list('tomas', '?all=true'))).toEqual([1, 2])
    expect(
      (await request('tomas', 'GET', '/api/practice-scenarios/unknown-caller/2')).statusCode
    ).toBe(200)

    const publish = (name: string, version: number) =>
      request(name, 'POST', `/api/practice-scenarios/unknown-caller/${String(version)}/publish`)
    expect((await publish('carla', 2)).statusCode).toBe(403)
    const published = await publish('admin', 2)
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ version: 2, status: 'published' })
    // Again: the same version, unchanged.
    const twice = await publish('tomas', 2)
    expect(twice.statusCode).toBe(200)
    expect(twice.json()).toEqual(published.json())
    expect((await publish('tomas', 9)).statusCode).toBe(404)

    const listed = await list('ana')
    expect(latest(listed)).toEqual([2])
    expect(listed.find((v) => v.scenarioId === 'unknown-caller')?.title.es).toBe('Segunda versión')

    // The same id and version again is a conflict, whatever changed in the file.
    const duplicate = await upload('tomas', unknownCaller(2, { title: 'Otra' }))
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json()).toMatchObject({ error: { code: 'conflict' } })

    const audit = await database.db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'practice_scenario.%'
        AND target LIKE 'unknown-caller@%' ORDER BY id`
    )
    expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
      'practice_scenario.uploaded unknown-caller@2',
      'practice_scenario.published unknown-caller@2'
    ])
  })

  it('refuses a broken scenario with every finding on its line', async () => {
    const broken = unknownCaller(1, { id: 'broken-caller' })
      .replace("phone: '+447700900104'", "phone: '+34612345678'")
      .replace('  disposition: resolved', '  disposition: no-such-disposition')
    const answer = await upload('tomas', broken)
    expect(answer.statusCode).toBe(400)
    const body = scenarioRejectedSchema.parse(answer.json())
    expect(body.code).toBe('invalid_scenario')
    expect(answer.json()).toMatchObject({ error: { code: 'invalid_argument' } })
    const found = body.issues.map((i) => [i.code, i.line])
    expect(found).toEqual(
      expect.arrayContaining([
        ['persona_phone', lineOf(broken, "phone: '+34612345678'")],
        ['unknown_disposition', lineOf(broken, 'disposition: no-such-disposition')]
      ])
    )
    // Each finding says what it says as a key and its values too, so the editor can say it in
    // the trainer's language.
    const disposition = body.issues.find((i) => i.code === 'unknown_disposition')
    expect(disposition?.detail).toEqual({
      key: 'notInScript',
      params: { disposition: 'no-such-disposition' }
    })
    const syntax = scenarioRejectedSchema.parse((await upload('tomas', 'id: [')).json())
    expect(syntax.issues[0]?.code).toBe('syntax')

    // A script version that exists nowhere: refused with the finding, on the script's line.
    const noScript = unknownCaller(1, { id: 'no-script-caller' }).replace(
      'script: { id: inbound-service, version: 1 }',
      'script: { id: inbound-service, version: 99 }'
    )
    const refused = scenarioRejectedSchema.parse((await upload('tomas', noScript)).json())
    expect(refused.issues).toEqual([
      expect.objectContaining({ code: 'unknown_script', line: lineOf(noScript, 'version: 99') })
    ])
    // A reference no script could have is a finding too, never a database error.
    for (const ref of ['version: 1.5', 'version: 99999999999', 'version: "1"']) {
      const odd = noScript.replace('version: 99', ref)
      expect((await upload('tomas', odd)).statusCode, ref).toBe(400)
    }
    const stored = await database.db.query(
      `SELECT 1 FROM practice_scenarios WHERE scenario_id IN ('broken-caller', 'no-script-caller')`
    )
    expect(stored).toEqual([])
  })

  it('checks against a script version published on this server when there is one', async () => {
    const script = readFileSync(join(resourceDir('scripts') ?? '', 'inbound-service.yaml'), 'utf8')
    const uploaded = await request('tomas', 'POST', '/api/scripts', {
      source: script.replace(/^version: 1$/m, 'version: 7')
    })
    expect(uploaded.statusCode).toBe(201)
    const scenario = unknownCaller(1, { id: 'caller-on-v7' }).replace(
      'script: { id: inbound-service, version: 1 }',
      'script: { id: inbound-service, version: 7 }'
    )
    // A draft script is no script: a trainee could not run it.
    expect((await upload('tomas', scenario)).statusCode).toBe(400)
    const published = await request(
      'tomas',
      'POST',
      '/api/scripts/inbound-service/versions/7/publish'
    )
    expect(published.statusCode).toBe(200)
    const accepted = await upload('admin', scenario)
    expect(accepted.statusCode).toBe(201)
    expect(accepted.json()).toMatchObject({ script: { id: 'inbound-service', version: 7 } })
  })

  it('retiring hides a scenario from everyone but trainers; restoring brings it back', async () => {
    const retire = (name: string, retired: unknown, id = 'survey-csat-nps') =>
      request(name, 'POST', `/api/practice-scenarios/${id}/retire`, { retired })
    const retired = await retire('tomas', true)
    expect(retired.statusCode).toBe(200)
    expect(scenarioVersionListSchema.parse(retired.json()).versions).toEqual([
      expect.objectContaining({ scenarioId: 'survey-csat-nps', version: 1, retired: true })
    ])
    // Retiring again changes nothing and is not audited twice.
    expect((await retire('tomas', true)).statusCode).toBe(200)
    const ids = async (name: string) => (await list(name)).map((v) => v.scenarioId)
    expect(await ids('ana')).not.toContain('survey-csat-nps')
    expect(await ids('carla')).not.toContain('survey-csat-nps')
    expect(
      (await request('ana', 'GET', '/api/practice-scenarios/survey-csat-nps/1')).statusCode
    ).toBe(404)
    expect(
      (await list('admin', '?all=true')).find((v) => v.scenarioId === 'survey-csat-nps')
    ).toMatchObject({ retired: true })

    const restored = await retire('admin', false)
    expect(scenarioVersionListSchema.parse(restored.json()).versions[0]?.retired).toBe(false)
    expect(await ids('ana')).toContain('survey-csat-nps')

    expect((await retire('tomas', true, 'no-such-scenario')).statusCode).toBe(404)
    expect((await retire('tomas', 'yes')).statusCode).toBe(400)
    expect((await retire('carla', true)).statusCode).toBe(403)
    const audit = await database.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'practice_scenario.%'
        AND target = 'survey-csat-nps' ORDER BY id`
    )
    expect(audit.map((a) => a.action)).toEqual([
      'practice_scenario.retired',
      'practice_scenario.restored'
    ])
  })

  it('agents and leads write nothing; bad parameters and bodies are 400', async () => {
    for (const name of ['ana', 'carla']) {
      const refused = await upload(name, unknownCaller(5))
      expect(refused.statusCode, name).toBe(403)
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    expect((await request(null, 'GET', '/api/practice-scenarios')).statusCode).toBe(401)
    for (const payload of [{}, { source: '' }, { source: 7 }]) {
      const bad = await request('tomas', 'POST', '/api/practice-scenarios', payload)
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400)
      expect(bad.json()).toMatchObject({ error: { code: 'invalid_argument' } })
    }
    expect(
      (await request('tomas', 'POST', '/api/practice-scenarios', { source: 'x'.repeat(600_000) }))
        .statusCode
    ).toBe(413)
    for (const url of [
      '/api/practice-scenarios/Bad Id/1',
      '/api/practice-scenarios/unknown-caller/0',
      '/api/practice-scenarios/unknown-caller/one',
      '/api/practice-scenarios?all=yes'
    ]) {
      expect((await request('tomas', 'GET', url)).statusCode, url).toBe(400)
    }
    expect(
      (await request('tomas', 'POST', '/api/practice-scenarios/Bad_Id/1/publish')).statusCode
    ).toBe(400)
    expect((await upload('tomas', unknownCaller(5))).statusCode).toBe(201)
    expect(
      (await list('tomas', '?all=true')).filter((v) => v.scenarioId === 'unknown-caller')
    ).toHaveLength(3)
  })
})
