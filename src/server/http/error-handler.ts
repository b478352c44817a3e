/**
 * Maps everything that can go wrong in a request to `{ error: { code, message, details } }` with a
 * status that means what it says. Bad input is always a 4xx; only our own faults are a 5xx, and a
 * database that is down or shutting down is a 503 the client retries, never a 500 that reads as
 * "this request is broken".
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

import { appError, type AppError, type ErrorCode } from '@shared/contract/errors'
import { sqlStateOf } from '../db/db'
import { isRetryableFault } from '../db/fault-kind'
import { HttpAppError } from './app-error'

const codeByStatus: Record<number, ErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  426: 'incompatible_version',
  429: 'rate_limited'
}

/**
 * PostgreSQL's data exceptions (class 22): a value the request carried that the database cannot
 * hold or compare (a number out of range, an impossible date, bytes that are not text). What
 * the schemas let through still reaches the client as its own fault, not as ours.
 */
const DATA_EXCEPTION_CLASS = '22'
const DATA_EXCEPTION_MESSAGE = 'A value in the request is out of range or malformed'

const UNAVAILABLE_MESSAGE = 'The server cannot reach its database or is busy; try again shortly'

/** Seconds a client is asked to wait before retrying a 503. */
const RETRY_AFTER_SECONDS = 2

function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return 500
  const status = error.statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback
}

type LogLevel = 'error' | 'warn' | 'info'

interface Mapped {
  status: number
  body: AppError
  /** How loudly the log tells of it: our faults are errors, the database's and gaps are warnings. */
  log: LogLevel
}

function levelOf(status: number): LogLevel {
  if (status === 503) return 'warn'
  return status >= 500 ? 'error' : 'info'
}

function mapError(error: unknown): Mapped {
  if (error instanceof HttpAppError) {
    return { status: error.statusCode, body: error.appError, log: levelOf(error.statusCode) }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath,
      message: v.message,
      params: v.params
    }))
    const body = appError('invalid_argument', `Invalid ${error.validationContext}`, issues)
    return { status: 400, body, log: 'info' }
  }
  const status = statusOf(error)
  if (status < 500) {
    const code = codeByStatus[status] ?? 'invalid_argument'
    return { status, body: appError(code, messageOf(error, 'Bad request')), log: 'info' }
  }
  if (isRetryableFault(error)) {
    return { status: 503, body: appError('unavailable', UNAVAILABLE_MESSAGE), log: 'warn' }
  }
  if (sqlStateOf(error)?.startsWith(DATA_EXCEPTION_CLASS)) {
    // A schema let this value through: the request's fault, but worth a look.
    return { status: 400, body: appError('invalid_argument', DATA_EXCEPTION_MESSAGE), log: 'warn' }
  }
  return { status: 500, body: appError('internal', 'Internal server error'), log: 'error' }
}

/** The AppError and status for any thrown value. */
export function toAppError(error: unknown): { status: number; body: AppError } {
  const { status, body } = mapError(error)
  return { status, body }
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, log } = mapError(error)
  if (log === 'info') request.log.info({ code: body.code, status }, body.message)
  else request.log[log]({ err: error }, `request failed: ${body.message}`)
  if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS))
  void reply.code(status).send({ error: body })
}

/** Installs the envelope for thrown errors and for unknown routes. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError)
}
