/**
 * The HTTP side of sync: push, pull and token refresh, each answered as an outcome the engine
 * can act on (retry, refresh, stop) instead of a thrown error.
 */
import { appError, errorCodes, type AppError, type ErrorCode } from '@shared/contract/errors'
import { errorEnvelopeSchema, tokenResponseSchema, type TokenResponse } from '@shared/sync/auth'
import { BULK_PULL_PATH } from '@shared/sync/bulk-pull'
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pushResponseSchema,
  type PushRequest,
  type PushResponse
} from '@shared/sync/protocol'

import { pullPageSchema, type PullPage } from './pull-page'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/**
 * What one request came to. `status` is there when the server answered with an error status, so
 * a push can tell an answer about its mutations (500, 400, 413) from an outage (no answer, 502,
 * 503, 504, 408, 429), which never counts against a record.
 */
export type HttpOutcome<T> =
  | { kind: 'ok'; data: T }
  /** 401: the access token (or the refresh token, for a refresh) was refused. */
  | { kind: 'unauthorized'; error: AppError }
  /** 426: this client speaks an older or newer protocol than the server. */
  | { kind: 'incompatible'; error: AppError }
  /** Network failure, 5xx, 429: try again later. */
  | { kind: 'retryable'; error: AppError; status?: number }
  /** Anything else: retrying the same request will not help. */
  | { kind: 'fatal'; error: AppError; status?: number }

/** Statuses that say the server (or a proxy before it) is away or busy, not what it thinks. */
const OUTAGE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504])

/** True when the server itself answered the request with a failure (not an outage). */
export function isServerRefusal(outcome: HttpOutcome<unknown>): boolean {
  if (outcome.kind !== 'retryable' && outcome.kind !== 'fatal') return false
  return outcome.status !== undefined && !OUTAGE_STATUSES.has(outcome.status)
}

/** The code an error body without an envelope (a proxy's, a body-limit refusal) stands for. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid_argument'
  if (status === 413) return 'payload_too_large'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  return 'internal'
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

function toErrorCode(code: string, fallback: ErrorCode): ErrorCode {
  return errorCodes.find((c) => c === code) ?? fallback
}

async function errorFrom(response: Response, fallback: ErrorCode): Promise<AppError> {
  const body: unknown = await response.json().catch(() => null)
  const envelope = errorEnvelopeSchema.safeParse(body)
  if (!envelope.success) return appError(fallback, `server answered ${response.status}`)
  const { code, message } = envelope.data.error
  return appError(toErrorCode(code, fallback), message)
}

async function classify<T>(response: Response, schema: Schema<T>): Promise<HttpOutcome<T>> {
  if (response.ok) {
    let body: unknown
    try {
      body = await response.json()
    } catch (error) {
      // A body cut off mid-transfer (the server died while answering) is a network failure: the
      // server may have applied the batch, and only a retry can learn its results.
      const message = error instanceof Error ? error.message : String(error)
      return {
        kind: 'retryable',
        error: appError('unavailable', `response interrupted: ${message}`)
      }
    }
    const parsed = schema.safeParse(body)
    return parsed.success
      ? { kind: 'ok', data: parsed.data }
      : {
          kind: 'fatal',
          error: appError('internal', 'the server answered with an unexpected body')
        }
  }
  const status = response.status
  if (status === 401)
    return { kind: 'unauthorized', error: await errorFrom(response, 'unauthenticated') }
  if (status === 426) {
    return { kind: 'incompatible', error: await errorFrom(response, 'incompatible_version') }
  }
  if (status >= 500 || status === 429 || status === 408) {
    return { kind: 'retryable', error: await errorFrom(response, 'unavailable'), status }
  }
  return { kind: 'fatal', error: await errorFrom(response, codeForStatus(status)), status }
}

/** For failures only: classify() reads error bodies itself and never reaches a schema. */
const noBodySchema: Schema<never> = { safeParse: () => ({ success: false }) }

export class SyncHttp {
  constructor(
    private readonly serverUrl: string,
    private readonly fetch: FetchLike
  ) {}

  push(accessToken: string, body: PushRequest): Promise<HttpOutcome<PushResponse>> {
    return this.send('/api/sync/push', pushResponseSchema, {
      method: 'POST',
      headers: this.headers(accessToken, true),
      body: JSON.stringify(body)
    })
  }

  /** A page whose changes are parsed one by one (see pull-page.ts). */
  pull(accessToken: string, cursor: number, limit: number): Promise<HttpOutcome<PullPage>> {
    const query = `?cursor=${cursor}&limit=${limit}`
    return this.send(`/api/sync/pull${query}`, pullPageSchema, {
      method: 'GET',
      headers: this.headers(accessToken, false)
    })
  }

  /**
   * The initial load as one NDJSON stream (src/shared/sync/bulk-pull.ts): answered as soon as
   * the headers arrive; the body is read by whoever applies it.
   */
  async bulkPull(
    accessToken: string,
    cursor: number
  ): Promise<HttpOutcome<ReadableStream<Uint8Array>>> {
    let response: Response
    try {
      response = await this.fetch(
        new URL(`${BULK_PULL_PATH}?cursor=${cursor}`, this.serverUrl).toString(),
        { method: 'GET', headers: this.headers(accessToken, false) }
      )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { kind: 'retryable', error: appError('unavailable', `server unreachable: ${message}`) }
    }
    if (!response.ok) return classify(response, noBodySchema)
    if (response.body === null) {
      return { kind: 'fatal', error: appError('internal', 'the bulk pull came without a body') }
    }
    return { kind: 'ok', data: response.body }
  }

  /** Rotating refresh: the answer carries a new refresh token that replaces the old one. */
  refresh(refreshToken: string): Promise<HttpOutcome<TokenResponse>> {
    return this.send('/api/auth/refresh', tokenResponseSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify({ refreshToken })
    })
  }

  private headers(accessToken: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION)
    }
    if (hasBody) headers['content-type'] = 'application/json'
    return headers
  }

  private async send<T>(
    path: string,
    schema: Schema<T>,
    init: RequestInit
  ): Promise<HttpOutcome<T>> {
    let response: Response
    try {
      response = await this.fetch(new URL(path, this.serverUrl).toString(), init)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { kind: 'retryable', error: appError('unavailable', `server unreachable: ${message}`) }
    }
    return classify(response, schema)
  }
}
