/**
 * The practice scenario requests: the server keeps the scenarios' versions and the desk reads
 * them when a trainer or trainee opens one, online only. The desk never needs them offline: a
 * practice call is started from the Training workspace, with the server there.
 */
import { z } from 'zod'

import {
  scenarioVersionDetailSchema,
  scenarioVersionListSchema,
  scenarioVersionParamsSchema,
  type ScenarioVersion,
  type ScenarioVersionDetail
} from '@shared/practice/scenario-api'

import {
  PRACTICE_PURGE_PATH,
  practicePurgeResultSchema,
  type PracticePurgeResult
} from '@shared/practice/practice-purge'

import { practiceAudioParamsSchema } from '@shared/practice/practice-audio'
import { practiceSessionRecordInputSchema } from '@shared/practice/progress-api'

import { readFromServer, serverUrl, type AnalyticsFetchOptions } from '../analytics/authorized-get'
import { fetchPracticeAudio } from './practice-audio'
import { admitRoleplay } from './roleplay-admit'
import { monitoringKeysOf } from '../monitoring/requests'
import { noArgs, request, type RequestSlice } from '../request-table'

export const SCENARIOS_PATH = '/api/practice-scenarios'

export async function fetchScenarios(options: AnalyticsFetchOptions): Promise<ScenarioVersion[]> {
  const url = serverUrl(options.serverUrl, SCENARIOS_PATH)
  const list = await readFromServer(options, url, scenarioVersionListSchema, 'the scenarios')
  return list.versions
}

export function fetchScenario(
  options: AnalyticsFetchOptions,
  scenarioId: string,
  version: number
): Promise<ScenarioVersionDetail> {
  const path = `${SCENARIOS_PATH}/${encodeURIComponent(scenarioId)}/${String(version)}`
  const url = serverUrl(options.serverUrl, path)
  return readFromServer(options, url, scenarioVersionDetailSchema, 'this practice scenario')
}

/** Asks the server to purge the practice data; desks drop theirs when the tombstone arrives. */
export function purgePractice(options: AnalyticsFetchOptions): Promise<PracticePurgeResult> {
  const url = serverUrl(options.serverUrl, PRACTICE_PURGE_PATH)
  return readFromServer(options, url, practicePurgeResultSchema, 'the practice purge', 'POST')
}

export const practiceRequests = {
  'practice:admitRoleplay': request(
    z.object({
      token: z.string().min(1).max(4096),
      callId: z.string().min(1).max(256),
      waitingFor: z.uuid().nullable()
    }),
    'signalled',
    (host, args) => {
      const session = host.session
      return admitRoleplay(session.server, monitoringKeysOf(session), session.userId, args)
    }
  ),
  'practiceSession:record': request(
    practiceSessionRecordInputSchema,
    // Written at the wrap-up: refusing then would lose the practice from the trainee's progress.
    'signalled',
    // Progress is read from the server: nothing on the desk re-queries.
    async (host, args) => ({
      id: await host.session.write(async (store) => {
        const id = store.newId()
        await store.write({
          id: store.newId(),
          name: 'practice_session.record',
          args: { id, ...args }
        })
        return id
      }, [])
    })
  ),
  'practice:audio': request(practiceAudioParamsSchema, 'typed', async (host, { key }) => ({
    wav: await fetchPracticeAudio(host.session.server, key)
  })),
  'practice:purge': request(noArgs, 'typed', async (host) => ({
    result: await purgePractice(host.session.server)
  })),
  'practice:scenarios': request(noArgs, 'typed', async (host) => ({
    scenarios: await fetchScenarios(host.session.server)
  })),
  'practice:scenario': request(
    scenarioVersionParamsSchema.strict(),
    'typed',
    async (host, { scenarioId, version }) => ({
      scenario: await fetchScenario(host.session.server, scenarioId, version)
    })
  )
} satisfies RequestSlice
