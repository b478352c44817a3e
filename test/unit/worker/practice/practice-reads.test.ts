/**
 * The practice scenarios read from the server with the session's token: the paths the routes
 * name, the answers parsed with the shared schemas, and a wrong shape never passed on.
 */
import { describe, expect, it } from 'vitest'

import type { AnalyticsFetchOptions } from '@renderer/workers/data/analytics/authorized-get'
import {
  fetchScenario,
  fetchScenarios,
  SCENARIOS_PATH
} from '@renderer/workers/data/practice/requests'

import { detailOf, versionOf } from '../../renderer/features/practice-scenarios/fixtures'
import { json, scriptedFetch, type RecordedRequest } from '../../../support/worker-fakes'

function server(respond: (r: RecordedRequest) => Response | Promise<Response>) {
  const scripted = scriptedFetch(respond)
  const options: AnalyticsFetchOptions = {
    fetch: scripted.fetch,
    serverUrl: 'http://127.0.0.1:9',
    accessToken: () => 'token',
    refreshTokens: () => Promise.resolve()
  }
  return { options, requests: scripted.requests }
}

describe('practice scenarios from the server', () => {
  it('lists the published scenarios and reads one version whole', async () => {
    const versions = [versionOf('survey-csat-nps')]
    const list = server(() => json(200, { versions }))
    expect(await fetchScenarios(list.options)).toEqual(versions)
    expect(new URL(list.requests[0]?.url ?? '').pathname).toBe(SCENARIOS_PATH)

    const detail = detailOf('survey-csat-nps')
    const one = server(() => json(200, detail))
    expect(await fetchScenario(one.options, 'survey-csat-nps', 1)).toEqual(detail)
    expect(new URL(one.requests[0]?.url ?? '').pathname).toBe(`${SCENARIOS_PATH}/survey-csat-nps/1`)
    expect(one.requests[0]?.authorization).toBe('Bearer token')
  })

  it('never passes on a scenario of the wrong shape', async () => {
    const broken = { ...detailOf('survey-csat-nps'), scenario: { id: 'x' } }
    await expect(
      fetchScenario(server(() => json(200, broken)).options, 'survey-csat-nps', 1)
    ).rejects.toMatchObject({ appError: { code: 'internal' } })
    await expect(
      fetchScenarios(server(() => json(404, { code: 'not_found' })).options)
    ).rejects.toMatchObject({ appError: { code: 'not_found' } })
  })
})
