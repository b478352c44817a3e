import type { AppError } from './errors'

/** Every cross-boundary call answers with a Result: raw Error objects never cross. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error })
