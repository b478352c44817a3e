/**
 * Fresh databases for server tests: PGlite in memory, or a uniquely named database on the
 * PostgreSQL cluster the global setup started. Migrated, optionally seeded.
 */
import { randomUUID } from 'node:crypto'

import pg from 'pg'
import { inject } from 'vitest'

import type { Db, DbKind } from '@server/db/db'
import { migrate } from '@server/db/migrate'
import { openPostgresDb } from '@server/db/postgres-db'
import { seedConfiguration } from '@server/seed/seed-configuration'
import { seedDemoData } from '@server/seed/seed-demo'

import { openMigratedPglite } from './pglite-template'

export const engines: readonly DbKind[] = ['pglite', 'postgres']

export interface TestDatabase {
  db: Db
  /** Opens another connection to the same database (PostgreSQL), or shares the PGlite one. */
  openAnother(): Promise<Db>
  dispose(): Promise<void>
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

function urlFor(database: string): string {
  const url = new URL(inject('postgresUrl'))
  url.pathname = `/${database}`
  return url.toString()
}

async function createPostgres(): Promise<TestDatabase> {
  const name = `atiende_test_${randomUUID().replace(/-/g, '')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const extra: Db[] = []
  const db = openPostgresDb({ connectionString: urlFor(name), maxConnections: 5 })
  return {
    db,
    openAnother: () => {
      const other = openPostgresDb({ connectionString: urlFor(name), maxConnections: 5 })
      extra.push(other)
      return Promise.resolve(other)
    },
    async dispose() {
      await Promise.all([db, ...extra].map((d) => d.close()))
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  }
}

/** An empty database on the test cluster, for server processes that migrate and seed it. */
export async function createEmptyPostgresDatabase(): Promise<{
  url: string
  dispose: () => Promise<void>
}> {
  const name = `atiende_test_${randomUUID().replace(/-/g, '')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  return {
    url: urlFor(name),
    dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

async function createPglite(): Promise<TestDatabase> {
  const db = await openMigratedPglite()
  return { db, openAnother: () => Promise.resolve(db), dispose: () => db.close() }
}

/** A migrated database on `engine`, seeded with demo users and `customers` customers. */
export async function createTestDatabase(
  engine: DbKind,
  options: { customers?: number } = {}
): Promise<TestDatabase> {
  const test = engine === 'pglite' ? await createPglite() : await createPostgres()
  await migrate(test.db)
  await seedDemoData(test.db, { customerCount: options.customers ?? 20, seed: 42 })
  await seedConfiguration(test.db)
  return test
}
