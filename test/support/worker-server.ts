/// <reference types="node" />
/**
 * The real central server for the data worker's integration tests: `buildApp` on a migrated,
 * seeded database (the demo data on PGlite in memory unless told otherwise), listening on
 * 127.0.0.1. The database outlives restarts of the HTTP server, so a test can take the server
 * down and bring it back on the same port.
 */
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll } from 'vitest'

import type { Db } from '@server/db/db'
import type { ZodApp } from '@server/http/route-context'
import { seedConfiguration } from '@server/seed/seed-configuration'
import { seedDemoData } from '@server/seed/seed-demo'
import type { SessionTokens } from '@shared/contract/worker'
import { tokenResponseSchema, type TokenResponse } from '@shared/sync/auth'

import { openMigratedPglite } from './pglite-template'
import { buildTestApp, DEMO_PASSWORD } from './server-app'

/** A database the server runs on, and how to get rid of it. */
export interface ServerDatabase {
  db: Db
  dispose(): Promise<void>
}

/** The demo data (5,000 customers) on PGlite in memory. */
async function demoDatabase(): Promise<ServerDatabase> {
  const db = await openMigratedPglite()
  await seedDemoData(db)
  await seedConfiguration(db)
  return { db, dispose: () => db.close() }
}

export class TestServer {
  private app: ZodApp | null = null
  private port = 0
  private database: ServerDatabase | null = null

  /** A server whose database `createDatabase` makes when it is opened. */
  constructor(private readonly createDatabase: () => Promise<ServerDatabase> = demoDatabase) {}

  /** A migrated, seeded database (5,000 demo customers); the HTTP server is not started yet. */
  static async create(): Promise<TestServer> {
    const server = new TestServer()
    await server.open()
    return server
  }

  /** Creates the database; the HTTP server is not started yet. */
  async open(): Promise<void> {
    this.database ??= await this.createDatabase()
  }

  get db(): Db {
    if (!this.database) throw new Error('TestServer: open() it before using its database')
    return this.database.db
  }

  /** Starts listening; after a stop, on the same port, so clients find it again. */
  async start(): Promise<string> {
    if (this.app) return this.url
    const app = await buildTestApp(this.db)
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

  async login(username: string, password = DEMO_PASSWORD): Promise<TokenResponse> {
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
    const database = this.database
    this.database = null
    await database?.dispose()
  }
}

/** What {@link useTestServer} gives the tests of a describe block. */
export interface TestServerFixture<User extends string> {
  /** Listening from before the first test to after the last (a test may stop and start it). */
  server: TestServer
  /** The tokens `user` logged in with before the first test. */
  tokens: (user: User) => SessionTokens
  userId: (user: User) => string
}

/**
 * The real central server for the tests of one describe block: opened, listening and with each
 * of `users` logged in before the first test; closed after the last. `database` replaces the
 * demo data on PGlite (e.g. `() => createTestDatabase(engine)` to run on both engines).
 */
export function useTestServer<User extends string>(options: {
  users: readonly User[]
  database?: () => Promise<ServerDatabase>
}): TestServerFixture<User> {
  const server = new TestServer(options.database)
  const logins = new Map<User, TokenResponse>()
  const loginOf = (user: User): TokenResponse => {
    const login = logins.get(user)
    if (!login) throw new Error(`${user} is not among the users this server logged in`)
    return login
  }

  beforeAll(async () => {
    await server.open()
    await server.start()
    for (const user of options.users) logins.set(user, await server.login(user))
  }, 120_000)
  afterAll(async () => {
    await server.close()
  })

  return {
    server,
    tokens: (user) => {
      const { accessToken, refreshToken } = loginOf(user)
      return { accessToken, refreshToken }
    },
    userId: (user) => loginOf(user).user.id
  }
}
