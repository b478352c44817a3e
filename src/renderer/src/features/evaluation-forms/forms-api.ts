/**
 * The evaluation form versions on the server (`/api/evaluation-forms`), read, uploaded,
 * published and retired from the page (page-request.ts: the session's token, renewed once on a
 * 401). Online only: publishing a form is an admin's act on the server, not a record to queue.
 */
import {
  formRejectedSchema,
  formVersionListSchema,
  formVersionSchema,
  type FormVersion
} from '@shared/evaluations/evaluation-api'
import { z } from 'zod'

import { pageRequest, pageTransport, type PageTransport } from '@renderer/data/page-request'
import { refusedSource, type SourceOutcome } from '@renderer/ui/source-editor'

export type { SourceIssue } from '@renderer/ui/source-editor'
export type FormsOutcome<T> = SourceOutcome<T>

export interface FormsApi {
  list(): Promise<FormsOutcome<FormVersion[]>>
  /** A new draft version; answers it when the server says which (else null). */
  upload(source: string): Promise<FormsOutcome<FormVersion | null>>
  publish(formId: string, version: number): Promise<FormsOutcome<null>>
  setRetired(formId: string, retired: boolean): Promise<FormsOutcome<null>>
}

const uploadAnswerSchema = z.union([formVersionSchema, z.object({ version: formVersionSchema })])

const failure = (response: Response) => refusedSource(response, formRejectedSchema)

export function createFormsApi(transport: PageTransport): FormsApi {
  const call = pageRequest(transport, '/api/evaluation-forms')
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

export const formsApi: FormsApi = createFormsApi(pageTransport)
