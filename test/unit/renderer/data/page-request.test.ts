/**
 * The page's calls to the server's REST routes: the token on each, one renewal and one retry on
 * a 401, null when unreachable, and the server's words for a refusal. A fake fetch stands in for
 * the server (the real routes are called by the integration and e2e suites).
 */
import { describe, expect, it } from 'vitest'

import { pageRequest, refusalMessage } from '@renderer/data/page-request'

function transport(statuses: number[], unreachable = false) {
  const seen: { url: string; auth: string; body: unknown }[] = []
  let token = 'old'
  let renewals = 0
  return {
    seen,
    renewals: () => renewals,
    transport: {
      baseUrl: () => 'http://127.0.0.1:1',
      token: () => token,
      renew: () => {
        renewals++
        token = 'new'
        return Promise.resolve()
      },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        if (unreachable) return Promise.reject(new TypeError('Failed to fetch'))
        const headers = new Headers(init?.headers)
        seen.push({
          url: input instanceof Request ? input.url : input.toString(),
          auth: headers.get('authorization') ?? '',
          body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
        })
        return Promise.resolve(new Response('{}', { status: statuses.shift() ?? 200 }))
      }
    }
  }
}

describe('a call from the page', () => {
  it('sends JSON with the token under the prefix', async () => {
    const t = transport([201])
    const response = await pageRequest(t.transport, '/api/x')('/a', 'POST', { n: 1 })
    expect(response?.status).toBe(201)
    expect(t.seen).toEqual([
      { url: 'http://127.0.0.1:1/api/x/a', auth: 'Bearer old', body: { n: 1 } }
    ])
  })

  it('renews an expired token once and tries again, and no more', async () => {
    const t = transport([401, 200])
    expect((await pageRequest(t.transport, '/api/x')('', 'GET'))?.status).toBe(200)
    expect(t.seen.map((s) => s.auth)).toEqual(['Bearer old', 'Bearer new'])
    const again = transport([401, 401, 200])
    expect((await pageRequest(again.transport, '/api/x')('', 'GET'))?.status).toBe(401)
    expect(again.renewals()).toBe(1)
  })

  it('answers null when the server cannot be reached', async () => {
    const t = transport([], true)
    expect(await pageRequest(t.transport, '/api/x')('', 'DELETE')).toBeNull()
  })
})

describe("the server's words for a refusal", () => {
  it('reads the error envelope, then a top-level message, else the status', () => {
    const envelope = { error: { code: 'conflict', message: 'Ya existe' } }
    expect(refusalMessage(409, envelope)).toBe('Ya existe')
    expect(refusalMessage(400, { message: 'line 3: bad' })).toBe('line 3: bad')
    expect(refusalMessage(502, null)).toBe('HTTP 502')
    expect(refusalMessage(500, { message: 7 })).toBe('HTTP 500')
  })
})
