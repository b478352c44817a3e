import { describe, expect, it } from 'vitest'

import { migrate, SCHEMA_VERSION } from '@renderer/workers/data/store/migrations'
import { queryAll, queryOne } from '@renderer/workers/data/store/sql'
import { encodeCustomer } from '@renderer/workers/data/customers/codec'
import { getCustomer, matchCustomer } from '@renderer/workers/data/customers/queries'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import { foldForSearch } from '@shared/domain/text'
import { customer, loadSql } from '@support/worker-store'

describe('local store migrations', () => {
  it('creates every table and records the schema version', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    expect(queryOne(db, 'PRAGMA user_version')?.['user_version']).toBe(SCHEMA_VERSION)
    const tables = queryAll(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    expect(tables.map((t) => t['name'])).toEqual([
      'agent_states',
      'callbacks',
      'compensations',
      'complaint_conflicts',
      'complaint_events',
      'complaints',
      'config_rows',
      'customer_emails',
      'customer_phones',
      'customers',
      'directory_entries',
      'dispositions',
      'evaluations',
      'interactions',
      'meta',
      'outbox',
      'whispers'
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

  it('upgrades a schema 3 cache to integer customer keys, keeping every lookup', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    expect(migrate(db, 3)).toBe(3)
    const jose = customer({
      firstName: 'José',
      lastName: 'Núñez',
      phones: [{ e164: '+34612345678', kind: 'mobile' }],
      emails: ['jose@example.com']
    })
    const luis = customer({ firstName: 'Luis', phones: [{ e164: '+34612345678', kind: 'home' }] })
    for (const c of [jose, luis]) {
      db.run(
        `INSERT INTO customers (id, external_ref, name_folded, last_name_folded, document_id, data)
         VALUES (?, ?, ?, ?, NULL, ?)`,
        [c.id, c.externalRef, foldForSearch(`${c.firstName} ${c.lastName}`), 'x', encodeCustomer(c)]
      )
      for (const p of c.phones) {
        db.run('INSERT INTO customer_phones (e164, customer_id) VALUES (?, ?)', [p.e164, c.id])
      }
      for (const e of c.emails) {
        db.run('INSERT INTO customer_emails (email, customer_id) VALUES (?, ?)', [e, c.id])
      }
    }
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    const found = matchCustomer(db, {
      callerNumber: '+34612345678',
      ctiCustomerId: null,
      defaultCountry: 'ES'
    })
    expect(found.customers.map((c) => c.id).sort()).toEqual([jose.id, luis.id].sort())
    expect(searchCustomers(db, 'jose@', 20).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(db, 'jose nu', 20).map((c) => c.id)).toEqual([jose.id])
    expect(getCustomer(db, luis.id)).toEqual(luis)
    db.close()
  })

  it('fills the complaints search text of rows filed before it existed, folded like the code', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    // The version before step 11 added the search text.
    const before = 10
    expect(migrate(db, before)).toBe(before)
    db.run(
      `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
         created_at, status, sync_state, reject_reason)
       VALUES ('c1', 'QR-000042', NULL, NULL, 'billing', 'Cobro DUPLICADO en línea',
         '2025-01-01T00:00:00.000Z', 'open', 'synced', NULL)`
    )
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    expect(queryOne(db, "SELECT search_folded FROM complaints WHERE id = 'c1'")).toEqual({
      search_folded: foldForSearch('QR-000042 Cobro DUPLICADO en línea')
    })
    db.close()
  })

  it('refuses a database written by a newer build', async () => {
    const SQL = await loadSql()
    const db = new SQL.Database()
    db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)
    expect(() => migrate(db)).toThrow(/newer than this build/)
    db.close()
  })
})
