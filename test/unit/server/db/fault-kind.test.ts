/**
 * Whose fault an error is decides between "try again later" (503, nothing stored) and a verdict
 * on the request (a mutation's stored rejection): the errors the drivers really throw.
 */
import { createServer, type AddressInfo } from 'node:net'

import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { faultKindOf, isRetryableFault } from '@server/db/fault-kind'
import { toAppError } from '@server/http/error-handler'

function sqlError(code: string, message = 'database error'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' })
}

/** A port nobody listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    })
  )
  return port
}

describe('faultKindOf', () => {
  it('takes connection, resource, shutdown and I/O states for the infrastructure', () => {
    for (const code of ['08006', '08001', '53100', '53200', '53300', '57P01', '57P03', '58030']) {
      expect(faultKindOf(sqlError(code)), code).toBe('infrastructure')
    }
    expect(faultKindOf(sqlError('25006', 'cannot execute INSERT in a read-only transaction'))).toBe(
      'infrastructure'
    )
  })

  it('takes serialization failures and deadlocks as transient', () => {
    expect(faultKindOf(sqlError('40001'))).toBe('transient')
    expect(faultKindOf(sqlError('40P01'))).toBe('transient')
  })

  it("takes data exceptions, integrity violations, SQL errors and plain errors as the request's", () => {
    const own = [
      sqlError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
      sqlError('22P05', 'unsupported Unicode escape sequence'),
      sqlError('22001'),
      sqlError('23503'),
      sqlError('23505'),
      sqlError('42P01'),
      // A statement cancelled is not a shutdown: only 57P0x are.
      sqlError('57014'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Stored result of mutation x is unreadable'),
      'a thrown string',
      null
    ]
    for (const error of own) expect(faultKindOf(error)).toBe('request')
  })

  it('looks into causes and aggregates, and into no cycle for ever', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
      code: 'ECONNREFUSED'
    })
    expect(faultKindOf(new AggregateError([refused], 'connect failed'))).toBe('infrastructure')
    expect(faultKindOf(new Error('push failed', { cause: sqlError('57P01') }))).toBe(
      'infrastructure'
    )
    const cyclic: { cause?: unknown } & Error = new Error('loop')
    cyclic.cause = cyclic
    expect(faultKindOf(cyclic)).toBe('request')
  })

  it('knows what node-postgres throws when the server cannot be reached', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await closedPort() })
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e
    )
    expect(faultKindOf(error)).toBe('infrastructure')
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'Client has encountered a connection error and is not queryable',
      'Cannot use a pool after calling end on the pool',
      'timeout exceeded when trying to connect'
    ]) {
      expect(faultKindOf(new Error(message)), message).toBe('infrastructure')
    }
    // PGlite's, once closed (met for real in test/integration/server/push-faults.test.ts).
    expect(faultKindOf(new Error('PGlite is closed'))).toBe('infrastructure')
  })
})

describe('toAppError for faults', () => {
  it('answers a database that is down or busy with 503 unavailable, nothing of the error in it', () => {
    for (const error of [sqlError('57P01', 'terminating connection'), sqlError('40001')]) {
      const { status, body } = toAppError(error)
      expect(status).toBe(503)
      expect(body.code).toBe('unavailable')
      expect(body.message).not.toMatch(/terminating|57P01/)
      expect(isRetryableFault(error)).toBe(true)
    }
  })

  it('answers a value the database refused with 400, another fault of ours with 500', () => {
    const refused = toAppError(sqlError('22003', 'value "99999999999" is out of range'))
    expect(refused.status).toBe(400)
    expect(refused.body.code).toBe('invalid_argument')
    expect(refused.body.message).not.toMatch(/99999/)
    expect(toAppError(sqlError('23503')).status).toBe(500)
    expect(toAppError(new TypeError('x is undefined')).status).toBe(500)
  })

  it('keeps a 4xx a 4xx even when it carries such a code', () => {
    expect(toAppError(Object.assign(sqlError('08006'), { statusCode: 400 })).status).toBe(400)
  })
})
