/**
 * The practice scenarios' versions on the server (`/api/practice-scenarios`), as trainers and
 * admins manage them from the page (page-request.ts: the session's token, renewed once on a
 * 401): every version, drafts and retired scenarios included; one whole with its source; a new
 * draft uploaded; a draft published; a scenario retired or brought back. Online only: like a
 * form, a scenario is published on the server, never queued on a desk.
 */
import { z } from 'zod'

import {
  scenarioRejectedSchema,
  scenarioVersionDetailSchema,
  scenarioVersionListSchema,
  scenarioVersionSchema,
  type ScenarioVersion,
  type ScenarioVersionDetail
} from '@shared/practice/scenario-api'
import { pageRequest, pageTransport, type PageTransport } from '@renderer/data/page-request'
import { refusedSource, type SourceOutcome } from '@renderer/ui/source-editor'

export interface ScenarioAdminApi {
  list: () => Promise<SourceOutcome<ScenarioVersion[]>>
  detail: (scenarioId: string, version: number) => Promise<SourceOutcome<ScenarioVersionDetail>>
  /** A new draft version (its id and version are the file's). */
  upload: (source: string) => Promise<SourceOutcome<ScenarioVersion>>
  publish: (scenarioId: string, version: number) => Promise<SourceOutcome<null>>
  setRetired: (scenarioId: string, retired: boolean) => Promise<SourceOutcome<null>>
}

const UNEXPECTED = 'unexpected answer'

const failure = (response: Response) => refusedSource(response, scenarioRejectedSchema)

export function createScenarioAdminApi(transport: PageTransport): ScenarioAdminApi {
  const call = pageRequest(transport, '/api/practice-scenarios')
  const answer = async <T>(
    response: Response | null,
    schema: z.ZodType<T>
  ): Promise<SourceOutcome<T>> => {
    if (response === null) return { ok: false, reason: 'offline' }
    if (!response.ok) return failure(response)
    const parsed = schema.safeParse(await response.json().catch(() => null))
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, reason: 'failed', message: UNEXPECTED }
  }
  const done = async (response: Response | null): Promise<SourceOutcome<null>> => {
    if (response === null) return { ok: false, reason: 'offline' }
    return response.ok ? { ok: true, data: null } : failure(response)
  }
  const path = (scenarioId: string) => `/${encodeURIComponent(scenarioId)}`
  return {
    async list() {
      const read = await answer(await call('?all=true', 'GET'), scenarioVersionListSchema)
      return read.ok ? { ok: true, data: read.data.versions } : read
    },
    async detail(scenarioId, version) {
      return answer(
        await call(`${path(scenarioId)}/${String(version)}`, 'GET'),
        scenarioVersionDetailSchema
      )
    },
    async upload(source) {
      return answer(await call('', 'POST', { source }), scenarioVersionSchema)
    },
    async publish(scenarioId, version) {
      return done(await call(`${path(scenarioId)}/${String(version)}/publish`, 'POST'))
    },
    async setRetired(scenarioId, retired) {
      return done(await call(`${path(scenarioId)}/retire`, 'POST', { retired }))
    }
  }
}

export const scenarioAdminApi: ScenarioAdminApi = createScenarioAdminApi(pageTransport)
