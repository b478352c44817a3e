/** A finding on a line, from the validator here or from the server's 400. */
export interface SourceIssue {
  code: string
  message: string
  line: number
  column: number
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
