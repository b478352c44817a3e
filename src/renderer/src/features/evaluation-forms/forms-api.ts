/**
 * The evaluation form versions on the server (`/api/evaluation-forms`), read, uploaded,
 * published and retired from the page with the session's access token, like the script
 * versions: an expired token is renewed by a sync pass and the call made once more. Online only:
 * publishing a form is an admin's act on the server, not a record to queue.
 */
import {
  formRejectedSchema,
  formVersionListSchema,
  formVersionSchema,
  type FormVersion
} from '@shared/evaluations/evaluation-api'
import { z } from 'zod'

import { currentAccessToken } from '@renderer/data/access-token'
import { dataClient } from '@renderer/data/data-client'
import { serverUrl } from '@renderer/data/server-url'

/** A finding on a line, from the validator here or from the server's 400. */
export interface SourceIssue {
  code: string
  message: string
  line: number
  column: number
}

export type FormsOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; reason: 'offline' }
  | { ok: false; reason: 'rejected'; message: string; issues: SourceIssue[] }
  | { ok: false; reason: 'failed'; message: string }

export interface FormsApi {
  list(): Promise<FormsOutcome<FormVersion[]>>
  /** A new draft version; answers it when the server says which (else null). */
  upload(source: string): Promise<FormsOutcome<FormVersion | null>>
  publish(formId: string, version: number): Promise<FormsOutcome<null>>
  setRetired(formId: string, retired: boolean): Promise<FormsOutcome<null>>
}

export interface FormsTransport {
  baseUrl: () => string
  token: () => string
  /** Renews the session's token (a sync pass) after a 401. */
  renew: () => Promise<void>
  fetch: typeof fetch
}

const uploadAnswerSchema = z.union([formVersionSchema, z.object({ version: formVersionSchema })])

async function failure(response: Response): Promise<FormsOutcome<never>> {
  const body: unknown = await response.json().catch(() => null)
  const rejected = formRejectedSchema.safeParse(body)
  if (response.status === 400 && rejected.success) {
    return {
      ok: false,
      reason: 'rejected',
      message: rejected.data.message,
      issues: rejected.data.issues.map(({ code, message, line, column }) => ({
        code,
        message,
        line,
        column
      }))
    }
  }
  const message =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : `HTTP ${String(response.status)}`
  return { ok: false, reason: 'failed', message }
}

export function createFormsApi(transport: FormsTransport): FormsApi {
  const call = async (path: string, method: 'GET' | 'POST', body?: unknown) => {
    const send = () =>
      transport
        .fetch(`${transport.baseUrl()}/api/evaluation-forms${path}`, {
          method,
          headers: {
            authorization: `Bearer ${transport.token()}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' })
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        .catch(() => null)
    let response = await send()
    if (response?.status === 401) {
      await transport.renew()
      response = await send()
    }
    return response
  }
  const done = async (response: Response | null): Promise<FormsOutcome<null>> => {
    if (response === null) return { ok: false, reason: 'offline' }
    return response.ok ? { ok: true, data: null } : failure(response)
  }
  const versionPath = (formId: string) => `/${encodeURIComponent(formId)}`
  return {
    async list() {
      const response = await call('', 'GET')
      if (response === null) return { ok: false, reason: 'offline' }
      if (!response.ok) return failure(response)
      const parsed = formVersionListSchema.safeParse(await response.json().catch(() => null))
      return parsed.success
        ? { ok: true, data: parsed.data.versions }
        : { ok: false, reason: 'failed', message: 'unexpected answer' }
    },
    async upload(source) {
      const response = await call('', 'POST', { source })
      if (response === null) return { ok: false, reason: 'offline' }
      if (!response.ok) return failure(response)
      const parsed = uploadAnswerSchema.safeParse(await response.json().catch(() => null))
      if (!parsed.success) return { ok: true, data: null }
      return { ok: true, data: 'formId' in parsed.data ? parsed.data : parsed.data.version }
    },
    async publish(formId, version) {
      return done(await call(`${versionPath(formId)}/versions/${String(version)}/publish`, 'POST'))
    },
    async setRetired(formId, retired) {
      return done(await call(`${versionPath(formId)}/retire`, 'POST', { retired }))
    }
  }
}

/** The page's own: this window's server, the session's token, a sync pass to renew it. */
export const formsApi: FormsApi = createFormsApi({
  baseUrl: serverUrl,
  token: currentAccessToken,
  renew: async () => {
    await dataClient()?.send('sync:now', {})
  },
  fetch: (input, init) => fetch(input, init)
})
