import { expect, it } from 'vitest'

import { migration016CleanUnsafeText } from '@server/db/migrations/016-clean-unsafe-text'
import { describeOnEngines } from '@support/engine-suite'

describeOnEngines(
  'migration 016 cleans rows written before the text rule, on %s',
  { customers: 3, app: false },
  ({ database }) => {
    it('cleans free text as the rule does and leaves identifiers alone', async () => {
      const { db } = database
      const [customer] = await db.query<{ id: string }>('SELECT id FROM customers LIMIT 1')
      if (!customer) throw new Error('no seeded customer')
      await db.query(
        `UPDATE customers
          SET first_name = $2, notes = $3, external_ref = $4
        WHERE id = $1`,
        [customer.id, 'Jo\u0001sé\tMaría\r\nX', 'one\r\ntwo\u0007\rthree\tend', 'REF-\u0002']
      )
      await db.query("UPDATE users SET display_name = 'Ana\u001b[31m' WHERE username = 'ana'")

      for (const statement of migration016CleanUnsafeText.statements) await db.query(statement)

      const [row] = await db.query<{ first_name: string; notes: string; external_ref: string }>(
        'SELECT first_name, notes, external_ref FROM customers WHERE id = $1',
        [customer.id]
      )
      expect(row).toEqual({
        first_name: 'José María X',
        notes: 'one\ntwo\nthree\tend',
        external_ref: 'REF-\u0002'
      })
      const [ana] = await db.query<{ display_name: string }>(
        "SELECT display_name FROM users WHERE username = 'ana'"
      )
      expect(ana?.display_name).toBe('Ana[31m')
    })
  }
)
