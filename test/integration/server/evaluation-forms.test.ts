/**
 * Evaluation form versions (issue 19): the default form seeded once even by two instances at
 * once; uploads checked with every finding on its line; each upload a new draft version; a
 * published version never changes and reaches every desk; retiring a form keeps its versions for
 * the evaluations that name them and offers them for no new one.
 */
import { readFileSync } from 'node:fs'

import { beforeAll, expect, it } from 'vitest'

import {
  defaultFormFile,
  seedEvaluationForm,
  seedEvaluationForms,
  shippedFormFile
} from '@server/evaluations/form-seed'
import { formRejectedSchema, formVersionListSchema } from '@shared/evaluations/evaluation-api'
import { publishedFormSchema } from '@shared/evaluations/evaluation'
import { describeOnEngines } from '@support/engine-suite'
import {
  latestPulled,
  publishForm,
  saveMutation,
  stepMutation,
  testFormSource
} from '../../support/evaluations'
import { interactionMutation, login, pullAll, push } from '../../support/server-app'

type Session = Awaited<ReturnType<typeof login>>

describeOnEngines('evaluation forms on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}
  const token = (name: string): string => users[name]?.accessToken ?? ''
  const userId = (name: string): string => users[name]?.user.id ?? ''
  const request = (name: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: name === null ? {} : { authorization: `Bearer ${token(name)}` },
      ...(payload === undefined ? {} : { payload })
    })
  const formChanges = async (name: string, formId: string) =>
    (await pullAll(app, token(name))).changes.flatMap((c) =>
      c.entity === 'evaluation_form' && c.data.formId === formId ? [c.data] : []
    )

  beforeAll(async () => {
    for (const name of ['ana', 'carla', 'tomas', 'admin']) users[name] = await login(app, name)
  })

  it('seeds each shipped form as version 1 once, even from two instances at once', async () => {
    const other = await database.openAnother()
    const results = await Promise.all([
      seedEvaluationForms(database.db),
      seedEvaluationForms(other)
    ])
    expect(
      results
        .flat()
        .map((r) => r.kind)
        .sort()
    ).toEqual(['present', 'present', 'seeded', 'seeded'])
    expect(await seedEvaluationForms(database.db)).toEqual([
      { kind: 'present', formId: 'service-quality' },
      { kind: 'present', formId: 'practice-training' }
    ])
    const rows = await database.db.query<{ version: number; status: string; source: string }>(
      "SELECT version, status, source FROM evaluation_forms WHERE form_id = 'service-quality'"
    )
    const file = defaultFormFile()
    expect(file).not.toBeNull()
    expect(rows).toEqual([
      { version: 1, status: 'published', source: readFileSync(file ?? '', 'utf8') }
    ])
    // Every desk, an agent's too, pulls it once: shared configuration.
    const pulled = await formChanges('ana', 'service-quality')
    expect(pulled).toHaveLength(1)
    expect(publishedFormSchema.parse(pulled[0])).toMatchObject({
      formId: 'service-quality',
      version: 1,
      kind: 'quality',
      retired: false
    })
    expect(pulled[0]?.definition.sections.map((s) => s.dimension)).toContain('script_adherence')
    // The trainers' form: a training one, its script questions filled in from the run.
    const training = publishedFormSchema.parse((await formChanges('tomas', 'practice-training'))[0])
    expect(training).toMatchObject({ version: 1, kind: 'training', retired: false })
    const autofills = training.definition.sections.flatMap((s) =>
      s.questions.flatMap((q) => (q.autofill === undefined ? [] : [q.autofill]))
    )
    expect(autofills.sort()).toEqual(['mandatory_steps', 'offers_made', 'script_completed'])
    expect(shippedFormFile('practice-training.yaml')).not.toBeNull()
  })

  it('finds the default form from wherever the module lies, and seeds nothing without it', async () => {
    expect(defaultFormFile('/')).toBeNull()
    expect(await seedEvaluationForm(database.db, null)).toEqual({ kind: 'no_file' })
  })

  it('refuses a broken form with every finding on its line, and lets only admins upload', async () => {
    const broken = testFormSource()
      .replace('passMark: 70', 'passMark: 170')
      .replace('weight: 2', 'weight: 2\n        autofill: not-a-source')
    const answer = await request('admin', 'POST', '/api/evaluation-forms', { source: broken })
    expect(answer.statusCode).toBe(400)
    const body = formRejectedSchema.parse(answer.json())
    expect(body.code).toBe('invalid_form')
    expect(body.issues.length).toBeGreaterThanOrEqual(2)
    expect(body.issues.map((i) => i.line)).toEqual(
      expect.arrayContaining([broken.split('\n').findIndex((l) => l.includes('passMark')) + 1])
    )
    // The usual error envelope is there too.
    expect(answer.json()).toMatchObject({ error: { code: 'invalid_argument' } })
    const syntax = await request('admin', 'POST', '/api/evaluation-forms', { source: 'a: [' })
    expect(formRejectedSchema.parse(syntax.json()).issues[0]?.code).toBe('syntax')
    // A validator's finding carries its words as a key and values, for the admin's language.
    const twice = testFormSource().replace('id: tone', 'id: greet')
    const duplicate = await request('admin', 'POST', '/api/evaluation-forms', { source: twice })
    expect(formRejectedSchema.parse(duplicate.json()).issues).toMatchObject([
      {
        code: 'duplicate_id',
        message: 'question "greet" twice',
        detail: { key: 'question', params: { id: 'greet' } }
      }
    ])
    for (const payload of [{}, { source: '' }, { source: 7 }]) {
      const bad = await request('admin', 'POST', '/api/evaluation-forms', payload)
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400)
    }
    const huge = await request('admin', 'POST', '/api/evaluation-forms', {
      source: 'x'.repeat(300_000)
    })
    expect(huge.statusCode).toBe(413)
    for (const name of ['carla', 'tomas', 'ana']) {
      const refused = await request(name, 'POST', '/api/evaluation-forms', {
        source: testFormSource()
      })
      expect(refused.statusCode, name).toBe(403)
    }
    expect((await request(null, 'GET', '/api/evaluation-forms')).statusCode).toBe(401)
    const rows = await database.db.query(
      "SELECT 1 FROM evaluation_forms WHERE form_id = 'test-quality'"
    )
    expect(rows).toEqual([])
  })

  it('numbers versions, publishes each to every desk once, and never changes a published one', async () => {
    expect(await publishForm(app, token('admin'), testFormSource())).toBe(1)
    const v1 = (await formChanges('ana', 'test-quality'))[0]
    const draft = await request('admin', 'POST', '/api/evaluation-forms', {
      source: testFormSource({ title: 'Segunda versión' })
    })
    expect(draft.statusCode).toBe(201)
    expect(draft.json()).toMatchObject({
      formId: 'test-quality',
      version: 2,
      status: 'draft',
      publishedAt: null,
      uploadedBy: 'Administración',
      evaluations: 0
    })
    // A draft reaches no desk, and leads and trainers do not list it.
    expect(await formChanges('ana', 'test-quality')).toHaveLength(1)
    const asLead = formVersionListSchema.parse(
      (await request('carla', 'GET', '/api/evaluation-forms')).json()
    )
    expect(
      asLead.versions.filter((v) => v.formId === 'test-quality').map((v) => v.version)
    ).toEqual([1])
    expect((await request('tomas', 'GET', '/api/evaluation-forms')).statusCode).toBe(200)
    expect((await request('ana', 'GET', '/api/evaluation-forms')).statusCode).toBe(403)
    const asAdmin = formVersionListSchema.parse(
      (await request('admin', 'GET', '/api/evaluation-forms')).json()
    )
    const mine = asAdmin.versions.filter((v) => v.formId === 'test-quality')
    expect(mine.map((v) => [v.version, v.status, v.title.es])).toEqual([
      [1, 'published', 'Formulario de prueba'],
      [2, 'draft', 'Segunda versión']
    ])
    expect(mine[1]?.source).toContain('Segunda versión')

    const publish = (version: number) =>
      request(
        'admin',
        'POST',
        `/api/evaluation-forms/test-quality/versions/${String(version)}/publish`
      )
    expect((await publish(2)).json()).toMatchObject({ version: 2, status: 'published' })
    expect((await publish(2)).statusCode).toBe(200)
    const pulled = await formChanges('ana', 'test-quality')
    expect(pulled.map((f) => f.version)).toEqual([1, 2])
    // Version 1 is what it was: same definition on the desk and in the database.
    expect(pulled[0]).toEqual(v1)
    expect(pulled[1]?.definition.title.es).toBe('Segunda versión')
    const stored = await database.db.query<{ source: string }>(
      "SELECT source FROM evaluation_forms WHERE form_id = 'test-quality' AND version = 1"
    )
    expect(stored[0]?.source).toBe(testFormSource())

    expect((await publish(9)).statusCode).toBe(404)
    expect(
      (await request('admin', 'POST', '/api/evaluation-forms/Bad Id/versions/1/publish')).statusCode
    ).toBe(400)
    expect(
      (await request('carla', 'POST', '/api/evaluation-forms/test-quality/versions/2/publish'))
        .statusCode
    ).toBe(403)
    // A form keeps its kind from one version to the next.
    const kind = await request('admin', 'POST', '/api/evaluation-forms', {
      source: testFormSource({ id: 'test-quality', kind: 'training' })
    })
    expect(kind.statusCode).toBe(409)
    const audit = await database.db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'evaluation_form.%'
        AND target LIKE 'test-quality%' ORDER BY id`
    )
    expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
      'evaluation_form.uploaded test-quality@1',
      'evaluation_form.published test-quality@1',
      'evaluation_form.uploaded test-quality@2',
      'evaluation_form.published test-quality@2'
    ])
  })

  it('an evaluation names its version; a retired form serves no new one, and comes back', async () => {
    const call = interactionMutation()
    await push(app, token('ana'), [call])
    const first = saveMutation({ agentId: userId('ana'), callId: call.args.callId, formVersion: 1 })
    const saved = await push(app, token('carla'), [
      first,
      stepMutation('evaluation.release', first.args.id)
    ])
    expect(saved.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(await latestPulled(app, token('ana'), first.args.id)).toMatchObject({
      formId: 'test-quality',
      formVersion: 1,
      interactionId: call.args.id
    })

    const retire = (retired: boolean) =>
      request('admin', 'POST', '/api/evaluation-forms/test-quality/retire', { retired })
    const retired = formVersionListSchema.parse((await retire(true)).json())
    expect(retired.versions.map((v) => [v.version, v.retired, v.evaluations])).toEqual([
      [1, true, 1],
      [2, true, 0]
    ])
    const sent = await formChanges('carla', 'test-quality')
    expect(sent.slice(-2).map((f) => [f.version, f.retired])).toEqual([
      [1, true],
      [2, true]
    ])
    // Retiring again sends nothing new.
    await retire(true)
    expect(await formChanges('carla', 'test-quality')).toHaveLength(sent.length)

    const other = interactionMutation()
    await push(app, token('ana'), [other])
    const refused = await push(app, token('carla'), [
      saveMutation({ agentId: userId('ana'), callId: other.args.callId, formVersion: 2 })
    ])
    const reason = refused.results[0]?.status === 'rejected' ? refused.results[0].reason : null
    expect(reason?.code).toBe('invalid_argument')
    expect(reason?.message).toContain('retired')
    // The evaluation that names it is still read against its version.
    expect(await latestPulled(app, token('ana'), first.args.id)).toMatchObject({ formVersion: 1 })

    expect(
      formVersionListSchema.parse((await retire(false)).json()).versions.every((v) => !v.retired)
    ).toBe(true)
    const allowed = await push(app, token('carla'), [
      saveMutation({ agentId: userId('ana'), callId: other.args.callId, formVersion: 2 })
    ])
    expect(allowed.results[0]?.status).toBe('applied')
    expect(
      (
        await request('admin', 'POST', `/api/evaluation-forms/no-such-form/retire`, {
          retired: true
        })
      ).statusCode
    ).toBe(404)
    expect(
      (
        await request('admin', 'POST', '/api/evaluation-forms/test-quality/retire', {
          retired: 'yes'
        })
      ).statusCode
    ).toBe(400)
    expect(
      (
        await request('carla', 'POST', '/api/evaluation-forms/test-quality/retire', {
          retired: true
        })
      ).statusCode
    ).toBe(403)
    const audit = await database.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('evaluation_form.retired', 'evaluation_form.restored')
        AND target = 'test-quality' ORDER BY id`
    )
    expect(audit.map((a) => a.action)).toEqual([
      'evaluation_form.retired',
      'evaluation_form.restored'
    ])
  })
})
