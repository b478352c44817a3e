/** Builds the central server on a test database and offers the calls tests make over and over. */
import { randomUUID } from 'node:crypto'

import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import type { PullResponse, PushResponse } from '@shared/sync/protocol'
import type { TokenResponse } from '@shared/sync/auth'
import { buildApp, type AppOptions } from '@server/app'
import type { Db } from '@server/db/db'
import type { ZodApp } from '@server/http/route-context'

export const TEST_JWT_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-42')
export const DEMO_PASSWORD = 'atiende'

/** Builds an app on `db` with quiet logs and a login limit tests do not trip by accident. */
export function buildTestApp(db: Db, options: Partial<AppOptions> = {}): Promise<ZodApp> {
  return buildApp({
    db,
    jwtSecret: TEST_JWT_SECRET,
    logger: false,
    loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
    ...options
  })
}

export async function login(app: ZodApp, username: string, password = DEMO_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password }
  })
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`)
  return response.json<TokenResponse>()
}

export function syncHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
}

/** Arguments of a valid complaint, with a fresh id. */
export function complaintArgs(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    customerId: null,
    callId: 'call-1',
    category: 'billing',
    description: 'Me cobraron dos veces la factura de marzo',
    createdAt: new Date().toISOString(),
    ...overrides
  }
}

export function complaintMutation(args: Record<string, unknown> = complaintArgs()) {
  return { id: randomUUID(), name: 'complaint.create', args }
}

/** A valid call record (`interaction.record`) with fresh ids, answered and ended by the caller. */
export function interactionMutation(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: 'interaction.record',
    args: {
      id: randomUUID(),
      callId: `call-${randomUUID()}`,
      direction: 'inbound',
      remoteNumber: '612 34 56 78',
      remoteE164: '+34612345678',
      customerId: null,
      ringAt: '2026-11-24T10:00:00.000Z',
      answeredAt: '2026-11-24T10:00:04.000Z',
      endedAt: '2026-11-24T10:02:00.000Z',
      holdSeconds: 0,
      result: 'answered',
      endedBy: 'remote',
      ...overrides
    }
  }
}

export async function push(
  app: ZodApp,
  token: string,
  mutations: unknown[],
  clientId: string = randomUUID()
): Promise<PushResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: syncHeaders(token),
    payload: { protocolVersion: PROTOCOL_VERSION, clientId, mutations }
  })
  if (response.statusCode !== 200) throw new Error(`push: ${response.statusCode} ${response.body}`)
  return response.json<PushResponse>()
}

export async function pull(
  app: ZodApp,
  token: string,
  cursor = 0,
  limit = 5000
): Promise<PullResponse> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/sync/pull?cursor=${cursor}&limit=${limit}`,
    headers: syncHeaders(token)
  })
  if (response.statusCode !== 200) throw new Error(`pull: ${response.statusCode} ${response.body}`)
  return response.json<PullResponse>()
}

/** Pulls every page after `cursor` and returns all changes. */
export async function pullAll(app: ZodApp, token: string, cursor = 0, limit = 5000) {
  const changes: PullResponse['changes'] = []
  let next = cursor
  for (;;) {
    const page = await pull(app, token, next, limit)
    changes.push(...page.changes)
    next = page.cursor
    if (!page.hasMore) return { changes, cursor: next }
  }
}
