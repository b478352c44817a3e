import { describe, expect, it } from 'vitest'

import { formatCaseNumber } from '@server/complaints/complaint-create'
import { PRACTICE_SCOPE_ID, visibilityOf } from '@server/sync/visibility'
import { contentSecurityPolicy } from '@server/http/static-site'
import { toAppError } from '@server/http/error-handler'
import { HttpAppError } from '@server/http/app-error'

const TEAM = '5b0e4a3c-1d2e-4f60-8a9b-0c1d2e3f4a5b'
const USER = '6c1f5b4d-2e3f-4a71-9bac-1d2e3f4a5b6c'

describe('formatCaseNumber', () => {
  it('pads to six digits and keeps wider numbers whole', () => {
    expect(formatCaseNumber(123)).toBe('QR-000123')
    expect(formatCaseNumber(1234567)).toBe('QR-1234567')
  })
})

describe('visibilityOf', () => {
  it('gives admins everything, agents and leads their team, trainers shared rows and practice', () => {
    expect(visibilityOf({ userId: USER, role: 'admin', teamId: null })).toEqual({ kind: 'all' })
    expect(visibilityOf({ userId: USER, role: 'agent', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: TEAM,
      userId: USER,
      privateRows: 'own'
    })
    expect(visibilityOf({ userId: USER, role: 'team_lead', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: TEAM,
      userId: USER,
      privateRows: 'team'
    })
    expect(visibilityOf({ userId: USER, role: 'trainer', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: PRACTICE_SCOPE_ID,
      userId: USER,
      privateRows: 'team'
    })
    expect(visibilityOf({ userId: USER, role: 'agent', teamId: null })).toEqual({ kind: 'shared' })
  })
})

describe('toAppError', () => {
  it('keeps the code of deliberate errors and hides the details of our own faults', () => {
    expect(toAppError(new HttpAppError('conflict', 'taken'))).toEqual({
      status: 409,
      body: { code: 'conflict', message: 'taken' }
    })
    expect(toAppError(new Error('connection string leaked'))).toEqual({
      status: 500,
      body: { code: 'internal', message: 'Internal server error' }
    })
    expect(toAppError(Object.assign(new Error('too big'), { statusCode: 413 })).body.code).toBe(
      'payload_too_large'
    )
  })
})

describe('contentSecurityPolicy', () => {
  it('allows WASM, blob workers and same-host sockets, plus configured sources', () => {
    const csp = contentSecurityPolicy('127.0.0.1:8787', ['wss://sip.example.com'])
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toContain(
      "connect-src 'self' ws://127.0.0.1:8787 wss://127.0.0.1:8787 wss://sip.example.com"
    )
    expect(csp).not.toContain('unsafe-eval;')
  })
})
