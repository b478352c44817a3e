/** Login and token refresh against the central server. */
import { appError, errorCodes, type AppError, type ErrorCode } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import { errorEnvelopeSchema, tokenResponseSchema, type TokenResponse } from '@shared/sync/auth'

function asErrorCode(code: string): ErrorCode {
  return errorCodes.find((c) => c === code) ?? 'internal'
}

async function postJson(url: string, body: unknown): Promise<Result<TokenResponse>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
  } catch {
    return fail(appError('unavailable', 'server unreachable'))
  }
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json)
    const error: AppError = envelope.success
      ? appError(asErrorCode(envelope.data.error.code), envelope.data.error.message)
      : appError('internal', `HTTP ${response.status}`)
    return fail(error)
  }
  const parsed = tokenResponseSchema.safeParse(json)
  return parsed.success ? ok(parsed.data) : fail(appError('internal', 'unexpected login response'))
}

export function login(server: string, username: string, password: string) {
  return postJson(`${server}/api/auth/login`, { username, password })
}

export function refresh(server: string, refreshToken: string) {
  return postJson(`${server}/api/auth/refresh`, { refreshToken })
}
