/**
 * The script versions on the server (`/api/scripts`), read and published from the page
 * (page-request.ts: the session's token, renewed once on a 401). Online only: publishing is an admin's act on the server, not a record to queue.
 */
import { z } from 'zod'

import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import { scriptVersionSchema, type ScriptVersion } from '@shared/domain/published-script'
import { pageRequest, pageTransport } from '../../data/page-request'

const listSchema = z.object({ versions: z.array(scriptVersionSchema) })

const call = pageRequest(pageTransport, '/api/scripts')

export async function listScriptVersions(): Promise<Result<ScriptVersion[]>> {
  const response = await call('', 'GET')
  if (response === null) return fail(appError('unavailable', 'server unreachable'))
  if (!response.ok) return fail(appError('internal', `HTTP ${String(response.status)}`))
  const parsed = listSchema.safeParse(await response.json().catch(() => null))
  return parsed.success ? ok(parsed.data.versions) : fail(appError('internal', 'unexpected answer'))
}

export async function publishScriptVersion(
  scriptId: string,
  version: number
): Promise<Result<null>> {
  const path = `/${encodeURIComponent(scriptId)}/versions/${String(version)}/publish`
  const response = await call(path, 'POST')
  if (response === null) return fail(appError('unavailable', 'server unreachable'))
  return response.ok ? ok(null) : fail(appError('internal', `HTTP ${String(response.status)}`))
}
