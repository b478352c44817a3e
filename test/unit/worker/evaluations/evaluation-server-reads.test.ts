/**
 * The call's record and the figures, read from the server with the session's token: the query
 * sent as the shared schemas name it, the answer parsed with them; a server out of reach answers
 * `unavailable`, a refusal `forbidden`, an answer of the wrong shape is never passed on, and an
 * expired token is refreshed once.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import type { AnalyticsFetchOptions } from '@renderer/workers/data/analytics/authorized-get'
import {
  CALL_CONTEXT_PATH,
  FIGURES_PATH,
  fetchCallContext,
  fetchFigures
} from '@renderer/workers/data/evaluations/server-reads'
import type { CallContext, EvaluationFigures } from '@shared/evaluations/evaluation-api'

import { json, scriptedFetch, type RecordedRequest } from '../../../support/worker-fakes'

const agentId = randomUUID()

const context: CallContext = {
  agent: { id: agentId, name: 'Ana Ortiz', teamId: null },
  callId: 'call-1',
  practice: false,
  interaction: null,
  customer: null,
  run: null,
  complaints: [],
  disposition: null
}

const figures: EvaluationFigures = {
  kind: 'quality',
  from: '2026-11-01',
  to: '2026-12-01',
  total: { count: 1, averagePercent: 87.5, criticalFailures: 0, passRate: 1, disputed: 0 },
  agents: [],
  dimensions: [{ dimension: 'courtesy', percent: 90, count: 1 }],
  teams: [],
  weeks: [],
  dimensionWeeks: []
}

function server(respond: (r: RecordedRequest) => Response | Promise<Response>) {
  const scripted = scriptedFetch(respond)
  let refreshed = 0
  const options: AnalyticsFetchOptions = {
    fetch: scripted.fetch,
    serverUrl: 'http://127.0.0.1:9',
    accessToken: () => (refreshed > 0 ? 'fresh' : 'stale'),
    refreshTokens: () => {
      refreshed++
      return Promise.resolve()
    }
  }
  return { options, requests: scripted.requests, refreshed: () => refreshed }
}

const callQuery = { agentId, callId: 'call 1/ä', language: 'en' } as const

describe('evaluation reads from the server', () => {
  it('sends the query the shared schemas name and parses the answer', async () => {
    const s = server(() => json(200, context))
    expect(await fetchCallContext(s.options, callQuery)).toEqual(context)
    const url = new URL(s.requests[0]?.url ?? '')
    expect(url.pathname).toBe(CALL_CONTEXT_PATH)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      agentId,
      callId: 'call 1/ä',
      language: 'en'
    })
    expect(s.requests[0]?.authorization).toBe('Bearer stale')

    const f = server(() => json(200, figures))
    const query = { from: '2026-11-01', to: '2026-12-01', kind: 'training' } as const
    expect(await fetchFigures(f.options, query)).toEqual(figures)
    const figuresUrl = new URL(f.requests[0]?.url ?? '')
    expect(figuresUrl.pathname).toBe(FIGURES_PATH)
    // No team: every team the caller may see.
    expect(Object.fromEntries(figuresUrl.searchParams)).toEqual(query)
  })

  it('refreshes an expired token once', async () => {
    const s = server((r) =>
      r.authorization === 'Bearer stale' ? json(401, {}) : json(200, figures)
    )
    const teamId = randomUUID()
    await fetchFigures(s.options, { from: '2026-11-01', to: '2026-12-01', kind: 'quality', teamId })
    expect(s.refreshed()).toBe(1)
    expect(new URL(s.requests[1]?.url ?? '').searchParams.get('teamId')).toBe(teamId)
  })

  it('answers unavailable, forbidden, not found or internal, never a raw error', async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [() => Promise.reject(new TypeError('fetch failed')), 'unavailable'],
      [() => json(503, {}), 'unavailable'],
      [() => json(403, { code: 'forbidden' }), 'forbidden'],
      [() => json(404, { code: 'not_found' }), 'not_found'],
      [() => json(200, { ...context, agent: null }), 'internal'],
      [() => new Response('<html>', { status: 200 }), 'internal']
    ]
    for (const [respond, code] of cases) {
      await expect(fetchCallContext(server(respond).options, callQuery)).rejects.toMatchObject({
        appError: { code }
      })
    }
  })
})
