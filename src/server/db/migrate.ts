/**
 * Applies pending migrations at start. The same statements run on PGlite and PostgreSQL; an
 * advisory lock makes instances that start together take turns.
 */
import type { Db } from './db'
import { migrations as allMigrations } from './migrations/index'
import type { Migration } from './migrations/migration'

/** Advisory lock key shared by migrations and seeding ("atiende" in ASCII, truncated). */
export const SCHEMA_LOCK_KEY = 0x61746965

/**
 * Brings the schema up to date in one transaction and returns the versions it applied.
 *
 * @remarks PostgreSQL DDL is transactional, so a failing migration leaves the schema untouched.
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = allMigrations
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((r) => r.version))
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      for (const statement of migration.statements) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
