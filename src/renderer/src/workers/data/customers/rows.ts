/**
 * Customers pulled from the server, stored with the folded and normalised columns that the
 * screen pop and search look up through indexes. The full record is kept as JSON, the only
 * copy of the fields the card shows (schema 2 keeps no duplicate columns, for memory).
 */
import type { Database, Statement } from 'sql.js'

import type { Customer } from '@shared/domain/customer'
import { customerFromCreateArgs } from '@shared/domain/customer-create'
import { customerColumns, emailKeys } from '@shared/sync/customer-cache-row'
import type { MutationOf } from '@shared/sync/protocol'

import { decodeCustomer, encodeCustomer } from './codec'
import { enqueueMutation } from '../sync/outbox'
import { asNumber, asString, queryOne, type Row } from '../store/sql'

const UPSERT_CUSTOMER = `INSERT INTO customers (id, external_ref, name_folded, last_name_folded,
     document_id, data) VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT(id) DO UPDATE SET external_ref = excluded.external_ref,
     name_folded = excluded.name_folded, last_name_folded = excluded.last_name_folded,
     document_id = excluded.document_id, data = excluded.data
   RETURNING key`

/**
 * Writes customers with statements prepared once per batch: a cold load of a million rows is
 * dominated by statement preparation otherwise. Free it before the transaction ends (an export
 * frees every prepared statement anyway).
 */
export class CustomerWriter {
  private readonly select: Statement
  private readonly upsert: Statement
  private readonly deletePhone: Statement
  private readonly insertPhone: Statement
  private readonly deleteEmail: Statement
  private readonly insertEmail: Statement

  constructor(db: Database) {
    this.select = db.prepare(`SELECT key, ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`)
    this.upsert = db.prepare(UPSERT_CUSTOMER)
    this.deletePhone = db.prepare('DELETE FROM customer_phones WHERE e164 = ? AND customer_key = ?')
    this.insertPhone = db.prepare(
      'INSERT OR IGNORE INTO customer_phones (e164, customer_key) VALUES (?, ?)'
    )
    this.deleteEmail = db.prepare(
      'DELETE FROM customer_emails WHERE email = ? AND customer_key = ?'
    )
    this.insertEmail = db.prepare(
      'INSERT OR IGNORE INTO customer_emails (email, customer_key) VALUES (?, ?)'
    )
  }

  /** Inserts or replaces one customer with its phones and e-mails. */
  write(c: Customer): void {
    this.deleteLookupKeys(c.id)
    const [nameFolded, lastFolded, documentId] = customerColumns(c)
    const inserted = this.upsert.getAsObject([
      c.id,
      c.externalRef,
      nameFolded,
      lastFolded,
      documentId,
      encodeCustomer(c)
    ])
    this.upsert.reset()
    const key = asNumber(inserted['key'])
    // A number shared by a household belongs to each of its customers: several matches.
    for (const phone of c.phones) this.insertPhone.run([phone.e164, key])
    for (const email of emailKeys(c)) this.insertEmail.run([email, key])
  }

  free(): void {
    for (const stmt of [
      this.select,
      this.upsert,
      this.deletePhone,
      this.insertPhone,
      this.deleteEmail,
      this.insertEmail
    ]) {
      stmt.free()
    }
  }

  /**
   * Removes the phone and e-mail keys of the stored version of `id`. They are read from its JSON
   * so the lookup tables need no secondary index on customer_id (tens of MB at a million rows).
   */
  private deleteLookupKeys(id: string): void {
    const row = this.select.getAsObject([id])
    this.select.reset()
    const old = row['data'] === undefined ? null : rowToCustomer(row)
    if (!old) return
    const key = asNumber(row['key'])
    for (const phone of old.phones) this.deletePhone.run([phone.e164, key])
    for (const email of emailKeys(old)) this.deleteEmail.run([email, key])
  }
}

/** Inserts or replaces customers; the caller wraps the batch in a transaction. */
export function upsertCustomers(db: Database, customers: Iterable<Customer>): void {
  const writer = new CustomerWriter(db)
  try {
    for (const c of customers) writer.write(c)
  } finally {
    writer.free()
  }
}

/** Inserts or replaces one customer with its phones and e-mails. */
export function upsertCustomer(db: Database, c: Customer): void {
  upsertCustomers(db, [c])
}

export function hasCustomer(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM customers WHERE id = ?', [id]) !== null
}

/**
 * Applies a journaled quick-create: the optimistic customer and its outbox entry. The caller
 * wraps it in a transaction. The server's row replaces it when it arrives in a pull.
 */
export function applyLocalCustomerCreate(
  db: Database,
  mutation: MutationOf<'customer.create'>
): void {
  upsertCustomer(db, customerFromCreateArgs(mutation.args))
  enqueueMutation(db, mutation)
}

/** The columns a query must select for {@link rowToCustomer}. */
export const CUSTOMER_COLUMNS = 'id, external_ref, data'

/** Reads a stored customer back (see customer-codec); null if the row is unreadable. */
export function rowToCustomer(row: Row): Customer | null {
  return decodeCustomer(asString(row['id']), asString(row['external_ref']), asString(row['data']))
}
