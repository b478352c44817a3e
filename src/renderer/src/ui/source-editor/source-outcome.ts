import type { FindingDetail } from '@shared/yaml/finding-detail'
import { refusalMessage } from '@renderer/data/page-request'

/** A finding on a line, from the validator here or from the server's 400. */
export interface SourceIssue {
  code: string
  message: string
  line: number
  column: number
  /** The message as a key and its values, to say it in the UI's language. */
  detail?: FindingDetail | undefined
}

/**
 * What the server answered to an act on a versioned source (upload, publish, retire): done, the
 * server unreachable, the text refused with its findings, or another failure in its words.
 */
export type SourceOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; reason: 'offline' }
  | { ok: false; reason: 'rejected'; message: string; issues: SourceIssue[] }
  | { ok: false; reason: 'failed'; message: string }

/** What a server's 400 for a source with findings carries (forms and scenarios alike). */
interface LocatedRejection {
  message: string
  issues: readonly SourceIssue[]
}

/**
 * A refused answer as an outcome: a 400 that `rejection` reads is the source's findings on their
 * lines; anything else is the server's words (from its error envelope), else the HTTP status.
 */
export async function refusedSource(
  response: Response,
  rejection: {
    safeParse: (body: unknown) => { success: true; data: LocatedRejection } | { success: false }
  }
): Promise<SourceOutcome<never>> {
  const body: unknown = await response.json().catch(() => null)
  const rejected = rejection.safeParse(body)
  if (response.status === 400 && rejected.success) {
    return {
      ok: false,
      reason: 'rejected',
      message: rejected.data.message,
      issues: rejected.data.issues.map(({ code, message, line, column, detail }) => ({
        code,
        message,
        line,
        column,
        ...(detail ? { detail } : {})
      }))
    }
  }
  return { ok: false, reason: 'failed', message: refusalMessage(response.status, body) }
}
