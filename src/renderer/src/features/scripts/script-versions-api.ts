/**
 * The script versions on the server (`/api/scripts`), read and published from the page with the
 * session's access token; an expired token is renewed by a sync pass, then the call is made once
 * more. Online only: publishing is an admin's act on the server, not a record to queue.
 */
import { z } from 'zod'

import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import { scriptVersionSchema, type ScriptVersion } from '@shared/domain/published-script'
import { currentAccessToken } from '../../data/access-token'
import { dataClient } from '../../data/data-client'
import { serverUrl } from '../../data/server-url'

const listSchema = z.object({ versions: z.array(scriptVersionSchema) })

async function call(path: string, method: 'GET' | 'POST'): Promise<Response | null> {
  const send = () =>
    fetch(`${serverUrl()}/api/scripts${path}`, {
      method,
      headers: { authorization: `Bearer ${currentAccessToken()}` }
    }).catch(() => null)
  let response = await send()
  if (response?.status === 401) {
    await dataClient()?.send('sync:now', {})
    response = await send()
  }
  return response
}

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
