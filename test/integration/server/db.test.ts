import { expect, it } from 'vitest'

import { migrate } from '@server/db/migrate'
import { migrations } from '@server/db/migrations/index'
import { seedDemoData } from '@server/seed/seed-demo'
import { demoUsers } from '@server/seed/demo-users'
import { describeOnEngines } from '@support/engine-suite'

describeOnEngines('database layer on %s', { customers: 50, app: false }, ({ database }) => {
  it('records every migration once and applies nothing on a second run', async () => {
    const rows = await database.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version'
    )
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version))
    expect(await migrate(database.db)).toEqual([])
  })

  it('seeds teams, users and customers once, and skips when users exist', async () => {
    const count = async (table: string): Promise<number> =>
      (await database.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? -1
    expect(await count('teams')).toBe(3)
    expect(await count('users')).toBe(demoUsers.length)
    expect(await count('customers')).toBe(50)
    // Each customer is published once; the configuration seed publishes its own rows beside them.
    const published = await database.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM change_log WHERE entity = 'customer'"
    )
    expect(published[0]?.n).toBe(50)
    expect(await seedDemoData(database.db, { customerCount: 10 })).toEqual({
      seeded: false,
      customers: 0
    })
    expect(await count('customers')).toBe(50)
  })

  it('indexes every phone as E.164 and finds José by his number', async () => {
    const rows = await database.db.query<{ first_name: string }>(
      `SELECT c.first_name FROM customers c JOIN customer_phones p ON p.customer_id = c.id
       WHERE p.e164 = '+34612345678'`
    )
    expect(rows).toEqual([{ first_name: 'José' }])
    const bad = await database.db.query(
      "SELECT e164 FROM customer_phones WHERE e164 !~ '^\\+[1-9][0-9]{6,14}$'"
    )
    expect(bad).toEqual([])
  })

  it('rolls a failed transaction back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.query("INSERT INTO teams (id, name) VALUES (gen_random_uuid(), 'Temporal')")
        throw new Error('abort')
      })
    ).rejects.toThrow('abort')
    expect(await database.db.query("SELECT id FROM teams WHERE name = 'Temporal'")).toEqual([])
  })

  it('delivers NOTIFY to a listener and stops after unlisten', async () => {
    const received: string[] = []
    const unlisten = await database.db.listen('atiende_test', (payload) => received.push(payload))
    await database.db.notify('atiende_test', 'one')
    await expect.poll(() => received).toEqual(['one'])
    await unlisten()
    await database.db.notify('atiende_test', 'two')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(received).toEqual(['one'])
  })
})
