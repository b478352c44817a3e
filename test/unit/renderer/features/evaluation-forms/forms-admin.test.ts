/**
 * The forms list and the editor's helpers as pure functions (versions grouped per form, where a
 * finding's line and column are, the starting text of a new version), and the page's calls to
 * the server with a fake fetch: the list, a 400's findings on their lines, the server down,
 * a renewed token.
 */
import { describe, expect, it } from 'vitest'

import { groupForms, startingSource } from '@renderer/features/evaluation-forms/form-versions'
import { lineRange, offsetOf, positionOf } from '@renderer/ui/source-editor'
import { createFormsApi } from '@renderer/features/evaluation-forms/forms-api'

import { version } from './fixtures'

describe('the forms list', () => {
  it('groups versions per form, newest first, with the version in use', () => {
    const groups = groupForms([
      version({ version: 1 }),
      version({ version: 3, status: 'draft', publishedAt: null, source: 'v3' }),
      version({ version: 2 }),
      version({ formId: 'practice', kind: 'training', version: 1, retired: true })
    ])
    expect(
      groups.map((g) => [g.formId, g.versions.map((v) => v.version), g.current?.version, g.retired])
    ).toEqual([
      ['service-quality', [3, 2, 1], 2, false],
      ['practice', [1], 1, true]
    ])
    // A new version starts from the newest upload (the draft carries the latest work).
    expect(groups[0] && startingSource(groups[0])).toBe('v3')
  })
})

describe('a place in the text', () => {
  const text = 'id: x\nkind: quality\n  bad: [\n'
  it('turns a line and column into an offset and back', () => {
    expect(offsetOf(text, 2, 7)).toBe(12)
    expect(positionOf(text, 12)).toEqual({ line: 2, column: 7 })
    expect(offsetOf(text, 3, 99)).toBe(text.indexOf('[') + 1)
    expect(offsetOf(text, 40, 1)).toBe(text.length)
    expect(lineRange(text, 2)).toEqual({ start: 6, end: 19 })
  })
})

function fakeFetch(answers: (Response | null)[]) {
  const calls: { url: string; method: string; body: string | null; auth: string | null }[] = []
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    calls.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? init.body : null,
      auth: headers.get('authorization')
    })
    const next = answers.shift()
    return next ? Promise.resolve(next) : Promise.reject(new TypeError('network down'))
  }
  return { calls, fetch }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function api(answers: (Response | null)[], token = () => 'tok') {
  const fake = fakeFetch(answers)
  let renewed = 0
  const forms = createFormsApi({
    baseUrl: () => 'http://127.0.0.1:9',
    token,
    renew: () => {
      renewed++
      return Promise.resolve()
    },
    fetch: fake.fetch
  })
  return { forms, calls: fake.calls, renewed: () => renewed }
}

describe('the server calls', () => {
  it('lists the versions with the session’s token', async () => {
    const { forms, calls } = api([json(200, { versions: [version()] })])
    const listed = await forms.list()
    expect(listed.ok && listed.data.map((v) => v.version)).toEqual([1])
    expect(calls).toEqual([
      {
        url: 'http://127.0.0.1:9/api/evaluation-forms',
        method: 'GET',
        body: null,
        auth: 'Bearer tok'
      }
    ])
  })

  it('reads a 400’s findings, each on its line', async () => {
    const { forms, calls } = api([
      json(400, {
        code: 'invalid_form',
        message: 'the form has problems',
        issues: [
          {
            code: 'duplicate_id',
            message: 'question id greets is used twice',
            questionId: 'greets',
            path: ['sections', 0, 'questions', 1, 'id'],
            line: 21,
            column: 13
          }
        ]
      })
    ])
    expect(await forms.upload('id: x')).toEqual({
      ok: false,
      reason: 'rejected',
      message: 'the form has problems',
      issues: [
        { code: 'duplicate_id', message: 'question id greets is used twice', line: 21, column: 13 }
      ]
    })
    expect(calls[0]?.body).toBe('{"source":"id: x"}')
  })

  it('answers the new version, publishes, retires and restores on their paths', async () => {
    const { forms, calls } = api([
      json(201, { version: version({ version: 4, status: 'draft' }) }),
      json(200, {}),
      json(200, {})
    ])
    const uploaded = await forms.upload('id: x')
    expect(uploaded.ok && uploaded.data?.version).toBe(4)
    expect(await forms.publish('service-quality', 4)).toEqual({ ok: true, data: null })
    expect(await forms.setRetired('service-quality', true)).toEqual({ ok: true, data: null })
    expect(
      calls.map((c) => `${c.method} ${c.url.replace('http://127.0.0.1:9', '')} ${c.body ?? ''}`)
    ).toEqual([
      'POST /api/evaluation-forms {"source":"id: x"}',
      'POST /api/evaluation-forms/service-quality/versions/4/publish ',
      'POST /api/evaluation-forms/service-quality/retire {"retired":true}'
    ])
  })

  it('says offline when the server cannot be reached, and renews an expired token once', async () => {
    expect(await api([]).forms.list()).toEqual({ ok: false, reason: 'offline' })
    let token = 'old'
    const renewing = api([json(401, {}), json(200, { versions: [] })], () => token)
    const list = renewing.forms.list()
    token = 'new'
    expect(await list).toEqual({ ok: true, data: [] })
    expect(renewing.renewed()).toBe(1)
    expect(renewing.calls.map((c) => c.auth)).toEqual(['Bearer old', 'Bearer new'])
  })

  it('passes another refusal’s message on', async () => {
    const { forms } = api([json(409, { code: 'conflict', message: 'already published' })])
    expect(await forms.publish('service-quality', 1)).toEqual({
      ok: false,
      reason: 'failed',
      message: 'already published'
    })
  })
})
