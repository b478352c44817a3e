/**
 * The one error vocabulary of Atiende. It crosses IPC, worker and HTTP boundaries as data.
 */
export const errorCodes = [
  'invalid_argument',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'incompatible_version',
  'storage_failure',
  'internal'
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** An error as data: a closed code, a human message and optional structured details. */
export interface AppError {
  code: ErrorCode
  message: string
  details?: unknown
}

/** Builds an {@link AppError}. */
export function appError(code: ErrorCode, message: string, details?: unknown): AppError {
  return details === undefined ? { code, message } : { code, message, details }
}

/** HTTP status for each error code, so every route answers with a status that means what it says. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  incompatible_version: 426,
  storage_failure: 500,
  internal: 500
}
