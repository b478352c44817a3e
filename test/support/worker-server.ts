/// <reference types="node" />
/**
 * The real central server for the data worker's integration tests: `buildApp` on PGlite in
 * memory, seeded with the demo data, listening on 127.0.0.1. The database outlives restarts of
 * the HTTP server, so a test can take the server down and bring it back on the same port.
 */
import type { AddressInfo } from 'node:net'

import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { migrate } from '../../src/server/db/migrate'
import { openPgliteDb } from '../../src/server/db/pglite-db'
import type { ZodApp } from '../../src/server/routes/route-context'
import { seedConfiguration } from '../../src/server/seed/seed-configuration'
import { seedDemoData } from '../../src/server/seed/seed-demo'
import { tokenResponseSchema, type TokenResponse } from '../../src/shared/sync/auth'

const JWT_SECRET = new TextEncoder().encode('worker-sync-test-secret-0123456789abcdef')

export class TestServer {
  private app: ZodApp | null = null
  private port = 0

  private constructor(readonly db: Db) {}

  /** A migrated, seeded database (5,000 demo customers); the HTTP server is not started yet. */
  static async create(): Promise<TestServer> {
    const db = await openPgliteDb('memory://')
    await migrate(db)
    await seedDemoData(db)
    await seedConfiguration(db)
    return new TestServer(db)
  }

  /** Starts listening; after a stop, on the same port, so clients find it again. */
  async start(): Promise<string> {
    if (this.app) return this.url
    const app = await buildApp({
      db: this.db,
      jwtSecret: JWT_SECRET,
      logger: false,
      loginRateLimit: { max: 1000, timeWindowMs: 60_000 }
    })
    await app.listen({ host: '127.0.0.1', port: this.port })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no TCP address')
    this.port = (address satisfies AddressInfo).port
    this.app = app
    return this.url
  }

  async stop(): Promise<void> {
    const app = this.app
    this.app = null
    await app?.close()
  }

  /** The base URL, also while stopped (requests then fail to connect). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async login(username: string, password = 'atiende'): Promise<TokenResponse> {
    const response = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password })
    })
    if (!response.ok) throw new Error(`login ${username}: ${response.status}`)
    return tokenResponseSchema.parse(await response.json())
  }

  /** How many times each complaint id is stored on the server. */
  async complaintCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(ids.map((id) => [id, 0]))
    const rows = await this.db.query<{ id: string; n: number }>(
      'SELECT id::text AS id, count(*)::int AS n FROM complaints WHERE id::text = ANY($1) GROUP BY id',
      [`{${ids.join(',')}}`]
    )
    for (const row of rows) counts.set(row.id, row.n)
    return counts
  }

  async close(): Promise<void> {
    await this.stop()
    await this.db.close()
  }
}
