/** Errors inside the worker carry an AppError; at the edge every failure becomes one. */
import { appError, type AppError, type ErrorCode } from '@shared/contract/errors'

/** Thrown inside the worker when the failure already has a code the page should see. */
export class WorkerError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message)
    this.name = 'WorkerError'
  }
}

export function workerError(code: ErrorCode, message: string): WorkerError {
  return new WorkerError(appError(code, message))
}

/** Turns anything thrown into an AppError; unknown failures are `fallback` (raw Errors never cross). */
export function toAppError(error: unknown, fallback: ErrorCode = 'internal'): AppError {
  if (error instanceof WorkerError) return error.appError
  return appError(fallback, error instanceof Error ? error.message : String(error))
}
