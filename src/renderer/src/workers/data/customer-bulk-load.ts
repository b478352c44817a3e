/**
 * The initial load of the customer cache: a million rows appended without index maintenance,
 * then every index built in one sorted pass.
 *
 * @remarks
 * Inserting into five random-key indexes and two WITHOUT ROWID tables row by row dirtied most
 * index pages in every transaction, so each commit rewrote (and journaled) a growing share of
 * the database: 1,400 customers per second at a million. Here, inside the caller's transaction:
 * - begin: the customer indexes are dropped; phones and e-mails go to append-only temp tables.
 * - write: one row per customer with the next integer key (no lookup by id: a later version of
 *   the same customer simply gets a higher key). A batch of customers goes in as ONE bound JSON
 *   array that SQLite splits with json_each: per-row statements spent most of their time in
 *   sql.js binding (it encodes a bound string one character at a time in JavaScript); the batch
 *   is serialised by the native JSON.stringify and TextEncoder and bound as bytes.
 * - Phones are not bound at all: finish() reads them from the stored JSON (json_each, in C).
 * - finish: duplicates keep their highest key (the latest version, or the server's over a row
 *   cached before the load); the lookup tables are filled in key order; the indexes are rebuilt.
 * A rollback of the caller's transaction restores everything, indexes included.
 */
import type { Database, Statement } from 'sql.js'

import type { Customer } from '../../../../shared/domain/customer'

import { customerLayout, PHONES_JSON_PATH } from './customer-codec'
import { customerColumns, emailKeys } from './customer-rows'
import { asNumber, queryOne } from './sql'

/** The customer indexes of the schema (migration 4), rebuilt after a bulk load. */
export const CUSTOMER_INDEXES: readonly { name: string; ddl: string }[] = [
  { name: 'customers_id', ddl: 'CREATE UNIQUE INDEX customers_id ON customers (id)' },
  {
    name: 'customers_external_ref',
    ddl: 'CREATE INDEX customers_external_ref ON customers (external_ref)'
  },
  {
    name: 'customers_document_id',
    ddl: 'CREATE INDEX customers_document_id ON customers (document_id)'
  },
  {
    name: 'customers_name_folded',
    ddl: 'CREATE INDEX customers_name_folded ON customers (name_folded)'
  },
  {
    name: 'customers_last_name_folded',
    ddl: 'CREATE INDEX customers_last_name_folded ON customers (last_name_folded)'
  }
]

const encoder = new TextEncoder()

export class CustomerBulkLoad {
  private nextKey: number
  private readonly firstKey: number
  private readonly insertCustomer: Statement
  private readonly insertEmail: Statement
  private written = 0
  private freed = false

  /** Starts a bulk load; the caller has opened a transaction and commits it after finish(). */
  constructor(private readonly db: Database) {
    for (const index of CUSTOMER_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`)
    db.exec('CREATE TEMP TABLE bulk_emails (email TEXT NOT NULL, customer_key INTEGER NOT NULL)')
    this.firstKey = asNumber(queryOne(db, 'SELECT max(key) AS k FROM customers')?.['k']) + 1
    this.nextKey = this.firstKey
    // Each element: [id, external_ref, name_folded, last_name_folded, document_id, data, emails].
    this.insertCustomer = db.prepare(`INSERT INTO customers (key, id, external_ref, name_folded,
        last_name_folded, document_id, data)
      SELECT ?1 + j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3,
        j.value ->> 4, j.value -> 5
      FROM jsonb_each(CAST(?2 AS TEXT)) j`)
    this.insertEmail = db.prepare(`INSERT INTO bulk_emails (email, customer_key)
      SELECT e.value, ?1 + j.key FROM jsonb_each(CAST(?2 AS TEXT)) j, json_each(j.value, '$[6]') e`)
  }

  get count(): number {
    return this.written
  }

  /** Appends customers, keys in their order (a later duplicate wins at finish). */
  write(customers: readonly Customer[]): void {
    if (customers.length === 0) return
    const batch = customers.map((c) => [
      c.id,
      c.externalRef,
      ...customerColumns(c),
      customerLayout(c),
      [...emailKeys(c)]
    ])
    const bytes = encoder.encode(JSON.stringify(batch))
    this.insertCustomer.run([this.nextKey, bytes])
    this.insertEmail.run([this.nextKey, bytes])
    this.nextKey += customers.length
    this.written += customers.length
  }

  /** Resolves duplicates, fills the lookup tables and rebuilds the indexes. */
  finish(): void {
    this.free()
    const db = this.db
    const [idIndex, ...others] = CUSTOMER_INDEXES
    if (idIndex === undefined) throw new Error('no customer indexes')
    const deduplicated = this.tryExec(idIndex.ddl)
    if (!deduplicated) {
      // The same customer twice (updated during the load, or cached before it): latest wins.
      db.exec(`DELETE FROM customers WHERE key NOT IN (SELECT max(key) FROM customers GROUP BY id);
        DELETE FROM customer_phones WHERE customer_key NOT IN (SELECT key FROM customers);
        DELETE FROM customer_emails WHERE customer_key NOT IN (SELECT key FROM customers);
        DELETE FROM bulk_emails WHERE customer_key NOT IN (SELECT key FROM customers)`)
      db.exec(idIndex.ddl)
    }
    // In key order the b-trees are appended to, page after full page.
    const phones = db.prepare(`INSERT OR IGNORE INTO customer_phones (e164, customer_key)
      SELECT json_extract(p.value, '$[0]'), c.key FROM customers c, json_each(c.data, ?) p
      WHERE c.key >= ? ORDER BY 1, 2`)
    try {
      phones.run([PHONES_JSON_PATH, this.firstKey])
    } finally {
      phones.free()
    }
    db.exec(`INSERT OR IGNORE INTO customer_emails (email, customer_key)
        SELECT email, customer_key FROM bulk_emails ORDER BY email, customer_key;
      DROP TABLE bulk_emails`)
    // The default page cache: a larger one saved no time and stayed in the wasm heap for good.
    for (const index of others) db.exec(index.ddl)
  }

  /** Frees the statements; call it (or finish) before the transaction ends. Idempotent. */
  free(): void {
    if (this.freed) return
    this.freed = true
    this.insertCustomer.free()
    this.insertEmail.free()
  }

  /** Runs `sql`; false when a constraint refused it (the statement alone is rolled back). */
  private tryExec(sql: string): boolean {
    try {
      this.db.exec(sql)
      return true
    } catch (error) {
      if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) return false
      throw error
    }
  }
}
