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
 *   the same customer simply gets a higher key). A block of customers arrives as ONE JSON array
 *   of cache rows, the bytes of the stream (src/shared/sync/customer-cache-row.ts), parsed once
 *   into SQLite's binary JSON and split with jsonb_each by three statements (customers, e-mail
 *   keys, phones): no JavaScript touches a row. Per-row statements spent most of their time in
 *   sql.js binding (it encodes a bound string one character at a time in JavaScript).
 * - finish: duplicates keep their highest key (the latest version, or the server's over a row
 *   cached before the load); the lookup tables are filled in key order; the indexes are rebuilt.
 * A rollback of the caller's transaction restores everything, indexes included.
 */
import type { Database, Statement } from 'sql.js'

import type { Customer } from '@shared/domain/customer'
import { CUSTOMER_ROW_LAYOUT, customerCacheRow } from '@shared/sync/customer-cache-row'

import { asNumber, queryOne } from '../store/sql'

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

/**
 * What a cache row must be to be stored: the columns' types and the layout version. The rest is
 * checked against the full schema whenever the row is read (customer-codec), as before; a row
 * refused here is counted, not stored.
 */
const STORABLE_ROW = `j.type = 'array'
  AND json_type(j.value, '$[0]') = 'text' AND length(j.value ->> 0) = 36
  AND json_type(j.value, '$[1]') = 'text' AND json_type(j.value, '$[2]') = 'text'
  AND json_type(j.value, '$[3]') = 'text' AND json_type(j.value, '$[4]') IN ('text', 'null')
  AND json_type(j.value, '$[5]') = 'array'
  AND json_extract(j.value, '$[5][0]') = ${CUSTOMER_ROW_LAYOUT}
  AND json_type(j.value, '$[6]') = 'array' AND json_type(j.value, '$[7]') = 'array'`

export class CustomerBulkLoad {
  private nextKey: number
  private readonly firstKey: number
  private readonly putBlock: Statement
  private readonly insertCustomer: Statement
  private readonly insertEmail: Statement
  private readonly insertPhone: Statement
  private written = 0
  private freed = false

  /** Starts a bulk load; the caller has opened a transaction and commits it after finish(). */
  constructor(private readonly db: Database) {
    for (const index of CUSTOMER_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`)
    db.exec(`CREATE TEMP TABLE bulk_emails (email TEXT NOT NULL, customer_key INTEGER NOT NULL);
      CREATE TEMP TABLE bulk_phones (e164 TEXT NOT NULL, customer_key INTEGER NOT NULL);
      CREATE TEMP TABLE bulk_block (id INTEGER PRIMARY KEY, b BLOB NOT NULL)`)
    this.firstKey = asNumber(queryOne(db, 'SELECT max(key) AS k FROM customers')?.['k']) + 1
    this.nextKey = this.firstKey
    // The block is parsed once into SQLite's binary JSON and kept in SQLite for the three
    // statements that walk it (reading it out to JavaScript copied it byte by byte).
    this.putBlock = db.prepare(`INSERT OR REPLACE INTO bulk_block (id, b)
      VALUES (1, jsonb(CAST(? AS TEXT))) RETURNING json_array_length(b)`)
    // Each element is a cache row: [id, external_ref, name_folded, last_name_folded,
    // document_id, data, emails, phones] (src/shared/sync/customer-cache-row.ts).
    this.insertCustomer = db.prepare(`INSERT INTO customers (key, id, external_ref, name_folded,
        last_name_folded, document_id, data)
      SELECT ?1 + j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3,
        j.value ->> 4, j.value -> 5
      FROM bulk_block k, jsonb_each(k.b) j WHERE ${STORABLE_ROW}`)
    // E-mail keys and phones of every row that could be stored; those of a refused row are
    // removed after the block (refusals never happen with a correct server).
    this.insertEmail = db.prepare(`INSERT INTO bulk_emails (email, customer_key)
      SELECT e.value, ?1 + j.key FROM bulk_block k, jsonb_each(k.b) j, json_each(j.value, '$[6]') e
      WHERE j.type = 'array' AND e.type = 'text'`)
    // From the parsed block: reading them back from the stored rows parsed every row again.
    this.insertPhone = db.prepare(`INSERT INTO bulk_phones (e164, customer_key)
      SELECT p.value, ?1 + j.key FROM bulk_block k, jsonb_each(k.b) j, json_each(j.value, '$[7]') p
      WHERE j.type = 'array' AND p.type = 'text'`)
  }

  get count(): number {
    return this.written
  }

  /** Appends customers, keys in their order (a later duplicate wins at finish). */
  write(customers: readonly Customer[]): void {
    if (customers.length === 0) return
    this.writeBlock(encoder.encode(JSON.stringify(customers.map(customerCacheRow))))
  }

  /**
   * Appends a block of cache rows (a JSON array as UTF-8 bytes, as the bulk pull sends it),
   * keys in their order; returns how many rows were refused (see STORABLE_ROW).
   *
   * @remarks Bound as bytes and cast to text: sql.js encodes a bound string one character at a
   * time in JavaScript. Malformed JSON throws (SQLite's "malformed JSON"), failing the load.
   */
  writeBlock(json: Uint8Array): number {
    const [count] = this.putBlock.get([json])
    this.putBlock.reset()
    if (typeof count !== 'number') {
      throw new Error('bulk pull: a customer block is not a JSON array')
    }
    const first = this.nextKey
    this.insertCustomer.run([first])
    const stored = this.db.getRowsModified()
    this.insertEmail.run([first])
    this.insertPhone.run([first])
    if (stored < count) {
      for (const table of ['bulk_emails', 'bulk_phones']) {
        this.db.run(
          `DELETE FROM ${table} WHERE customer_key BETWEEN ?1 AND ?2
             AND customer_key NOT IN (SELECT key FROM customers WHERE key BETWEEN ?1 AND ?2)`,
          [first, first + count - 1]
        )
      }
    }
    this.nextKey += count
    this.written += stored
    return count - stored
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
        DELETE FROM bulk_emails WHERE customer_key NOT IN (SELECT key FROM customers);
        DELETE FROM bulk_phones WHERE customer_key NOT IN (SELECT key FROM customers)`)
      db.exec(idIndex.ddl)
    }
    // In key order the b-trees are appended to, page after full page.
    db.exec(`INSERT OR IGNORE INTO customer_phones (e164, customer_key)
        SELECT e164, customer_key FROM bulk_phones ORDER BY e164, customer_key;
      DROP TABLE bulk_phones;
      INSERT OR IGNORE INTO customer_emails (email, customer_key)
        SELECT email, customer_key FROM bulk_emails ORDER BY email, customer_key;
      DROP TABLE bulk_emails;
      DROP TABLE bulk_block`)
    // The default page cache: a larger one saved no time and stayed in the wasm heap for good.
    for (const index of others) db.exec(index.ddl)
  }

  /** Frees the statements; call it (or finish) before the transaction ends. Idempotent. */
  free(): void {
    if (this.freed) return
    this.freed = true
    this.putBlock.free()
    this.insertCustomer.free()
    this.insertEmail.free()
    this.insertPhone.free()
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
