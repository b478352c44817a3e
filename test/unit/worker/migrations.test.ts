import { describe, expect, it } from 'vitest'

import { migrate, SCHEMA_VERSION } from '../../../src/renderer/src/workers/data/migrations'
import { queryAll, queryOne } from '../../../src/renderer/src/workers/data/sql'
import { loadSql } from '../../support/worker-store'

describe('local store migrations', () => {
  it('creates every table and records the schema version', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    expect(queryOne(db, 'PRAGMA user_version')?.['user_version']).toBe(SCHEMA_VERSION)
    const tables = queryAll(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    expect(tables.map((t) => t['name'])).toEqual([
      'agent_states',
      'complaints',
      'config_rows',
      'customer_emails',
      'customer_phones',
      'customers',
      'interactions',
      'meta',
      'outbox'
    ])
    db.close()
  })

  it('is a no-op on an up-to-date database and keeps its rows', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    migrate(db)
    db.run("INSERT INTO meta (key, value) VALUES ('pull_cursor', '42')")
    const reopened = new SQL.Database(db.export())
    migrate(reopened)
    expect(queryOne(reopened, "SELECT value FROM meta WHERE key = 'pull_cursor'")?.['value']).toBe(
      '42'
    )
    db.close()
    reopened.close()
  })

  it('refuses a database written by a newer build', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)
    expect(() => migrate(db)).toThrow(/newer than this build/)
    db.close()
  })
})
