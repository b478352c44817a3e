/** Errors the routes throw on purpose; the error handler turns them into the envelope. */
import { appError, httpStatusOf, type AppError, type ErrorCode } from '@shared/contract/errors'

export class HttpAppError extends Error {
  readonly appError: AppError
  readonly statusCode: number

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'HttpAppError'
    this.appError = appError(code, message, details)
    this.statusCode = httpStatusOf[code]
  }
}

/** The one error body every route answers with. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown }
}

/** Wraps an {@link AppError} in the envelope. */
export function envelopeOf(error: AppError): ErrorEnvelope {
  return { error }
}
