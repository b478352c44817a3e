/**
 * A practice line's WAV read from the server as bytes with the session's token; anything but a
 * WAV (not rendered, offline, another content type, refused) is null: the desk shows text.
 */
import { describe, expect, it } from 'vitest'

import { practiceAudioPath } from '@shared/practice/practice-audio'
import type { AnalyticsFetchOptions } from '@renderer/workers/data/analytics/authorized-get'
import { fetchPracticeAudio } from '@renderer/workers/data/practice/practice-audio'

import { json, scriptedFetch, type RecordedRequest } from '../../../support/worker-fakes'

const KEY = 'a'.repeat(64)

function server(respond: (r: RecordedRequest) => Response | Promise<Response>) {
  const scripted = scriptedFetch(respond)
  let refreshed = 0
  const options: AnalyticsFetchOptions = {
    fetch: scripted.fetch,
    serverUrl: 'http://127.0.0.1:9',
    accessToken: () => (refreshed > 0 ? 'fresh' : 'token'),
    refreshTokens: () => {
      refreshed += 1
      return Promise.resolve()
    }
  }
  return { options, requests: scripted.requests }
}

const wav = (status = 200, type = 'audio/wav') =>
  new Response(new Uint8Array([82, 73, 70, 70, 1, 2, 3]), {
    status,
    headers: { 'content-type': type }
  })

describe('a practice line’s audio from the server', () => {
  it('reads the bytes of the line’s key with the token, refreshing it once on 401', async () => {
    let calls = 0
    const s = server(() => (calls++ === 0 ? json(401, {}) : wav()))
    const bytes = await fetchPracticeAudio(s.options, KEY)
    expect(bytes && Array.from(new Uint8Array(bytes))).toEqual([82, 73, 70, 70, 1, 2, 3])
    expect(new URL(s.requests[1]?.url ?? '').pathname).toBe(practiceAudioPath(KEY))
    expect(s.requests.map((r) => r.authorization)).toEqual(['Bearer token', 'Bearer fresh'])
  })

  it('is null when the line is not rendered, the server is away or answers something else', async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => json(404, { error: { code: 'not_found' } }),
      () => json(500, {}),
      () => wav(200, 'text/html'),
      () =>
        new Response(new Uint8Array(), { status: 200, headers: { 'content-type': 'audio/wav' } }),
      () => Promise.reject(new TypeError('fetch failed'))
    ]
    for (const answer of answers) {
      expect(await fetchPracticeAudio(server(answer).options, KEY)).toBeNull()
    }
  })
})
