/**
 * `npm run script -- upload <file> --server <url> --user <name> [--publish]`: uploads a script
 * version as a draft (the server validates it like `validate` does) and, with --publish,
 * publishes it to every client. The password comes from ATIENDE_PASSWORD, never the command line
 * (it would show in the process list).
 */
import { readFileSync } from 'node:fs'

import { z } from 'zod'

import { scriptVersionSchema } from '@shared/domain/published-script'
import { errorEnvelopeSchema, tokenResponseSchema } from '@shared/sync/auth'

export interface UploadOptions {
  file: string
  server: string
  user: string
  password: string
  publish: boolean
}

const issuesSchema = z.object({
  issues: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      nodeId: z.string().nullable(),
      line: z.number(),
      column: z.number()
    })
  )
})

async function failure(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null)
  const envelope = errorEnvelopeSchema.safeParse(body)
  if (!envelope.success) return `HTTP ${String(response.status)}`
  const findings = issuesSchema.safeParse(envelope.data.error.details)
  const lines = findings.success
    ? findings.data.issues.map(
        (i) =>
          `\n  line ${String(i.line)}:${String(i.column)}  ${i.code}${i.nodeId ? ` [${i.nodeId}]` : ''}  ${i.message}`
      )
    : []
  return `${envelope.data.error.message}${lines.join('')}`
}

/** Uploads (and maybe publishes); resolves with the lines to print, rejects with the reason. */
export async function uploadScript(options: UploadOptions): Promise<string[]> {
  const source = readFileSync(options.file, 'utf8')
  const login = await fetch(new URL('/api/auth/login', options.server), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: options.user, password: options.password })
  })
  if (!login.ok) throw new Error(`login failed: ${await failure(login)}`)
  const { accessToken } = tokenResponseSchema.parse(await login.json())
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }
  const uploaded = await fetch(new URL('/api/scripts', options.server), {
    method: 'POST',
    headers,
    body: JSON.stringify({ source })
  })
  if (!uploaded.ok) throw new Error(`upload refused: ${await failure(uploaded)}`)
  const draft = scriptVersionSchema.parse(await uploaded.json())
  const out = [`uploaded ${draft.scriptId} v${String(draft.version)} as a draft`]
  if (!options.publish) return out
  const path = `/api/scripts/${draft.scriptId}/versions/${String(draft.version)}/publish`
  const published = await fetch(new URL(path, options.server), {
    method: 'POST',
    headers: { authorization: headers.authorization }
  })
  if (!published.ok) throw new Error(`publish refused: ${await failure(published)}`)
  out.push(`published ${draft.scriptId} v${String(draft.version)}`)
  return out
}
