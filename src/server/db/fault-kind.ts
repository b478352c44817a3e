/**
 * Whose fault a thrown error is. The answer decides what the client is told: an infrastructure
 * fault (the database unreachable, shutting down, out of resources) says nothing about the
 * request, so it is answered "try again later" and never stored as a mutation's result; a
 * transient conflict between transactions goes away when the work is run again; anything else
 * is a fault of the work itself and would fail the same way on every retry.
 */
import { sqlStateOf } from './db'

export type FaultKind = 'infrastructure' | 'transient' | 'request'

/** serialization_failure and deadlock_detected: another transaction won; run it again. */
const TRANSIENT_STATES = new Set(['40001', '40P01'])

/**
 * SQLSTATE classes of the server's state, not the statement's: connection exceptions (08),
 * insufficient resources (53: disk full, out of memory, too many connections), system errors
 * (58: I/O).
 */
const INFRASTRUCTURE_CLASSES = new Set(['08', '53', '58'])

/**
 * Operator intervention that ends the session (admin or crash shutdown, cannot connect now,
 * database dropped, idle session timeout), and writing to a server that became a read-only
 * standby after a failover.
 */
const INFRASTRUCTURE_STATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '25006'])

/** Node socket errors: the connection to the database was never made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN'
])

/**
 * What node-postgres, its pool and PGlite throw without a code when the connection or the
 * engine is gone.
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^PGlite is closed/
]

/** Wrapped errors are looked into this deep at most (a cycle of causes must not hang us). */
const MAX_DEPTH = 4

function codeKind(code: string): FaultKind | null {
  if (TRANSIENT_STATES.has(code)) return 'transient'
  if (SOCKET_CODES.has(code) || INFRASTRUCTURE_STATES.has(code)) return 'infrastructure'
  if (/^[0-9A-Z]{5}$/.test(code) && INFRASTRUCTURE_CLASSES.has(code.slice(0, 2))) {
    return 'infrastructure'
  }
  return null
}

function ownKind(error: unknown): FaultKind | null {
  const code = sqlStateOf(error)
  const byCode = code === undefined ? null : codeKind(code)
  if (byCode) return byCode
  // A trap in the WASM engine leaves PGlite unusable: nothing this request can fix.
  if (error instanceof WebAssembly.RuntimeError) return 'infrastructure'
  if (error instanceof Error && DRIVER_MESSAGES.some((m) => m.test(error.message))) {
    return 'infrastructure'
  }
  return null
}

function innerErrors(error: unknown): unknown[] {
  if (typeof error !== 'object' || error === null) return []
  const inner: unknown[] = []
  if ('cause' in error && error.cause !== undefined) inner.push(error.cause)
  // A refused connection to a name with several addresses arrives as an AggregateError.
  if (error instanceof AggregateError) inner.push(...(error.errors as unknown[]))
  return inner
}

function kindAt(error: unknown, depth: number): FaultKind | null {
  const own = ownKind(error)
  if (own || depth >= MAX_DEPTH) return own
  for (const inner of innerErrors(error)) {
    const kind = kindAt(inner, depth + 1)
    if (kind) return kind
  }
  return null
}

/**
 * Classifies a thrown value: `infrastructure` (retry later, store nothing), `transient` (run the
 * transaction again, a bounded number of times) or `request` (the work itself failed: a data
 * exception, an integrity violation, a bug in a handler).
 */
export function faultKindOf(error: unknown): FaultKind {
  return kindAt(error, 0) ?? 'request'
}

/** Whether retrying later, unchanged, may succeed: the answer is "unavailable", not a verdict. */
export function isRetryableFault(error: unknown): boolean {
  return faultKindOf(error) !== 'request'
}
