/**
 * Customers pulled from the server, stored with the folded and normalised columns that the
 * screen pop and search look up through indexes. The full record is kept as JSON, the only
 * copy of the fields the card shows (schema 2 keeps no duplicate columns, for memory).
 */
import type { Database } from 'sql.js'

import { customerSchema, type Customer } from '../../../../shared/domain/customer'
import { customerFromCreateArgs } from '../../../../shared/domain/customer-create'
import { foldForSearch } from '../../../../shared/domain/text'
import type { MutationOf } from '../../../../shared/sync/protocol'

import { enqueueMutation } from './outbox'
import { asString, queryOne, type Row } from './sql'

/** Document ids are compared without spaces, dots or dashes, in upper case. */
export function normalizeDocumentId(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase()
}

function normalizedEmails(c: Pick<Customer, 'emails'>): Set<string> {
  return new Set(c.emails.map((e) => e.trim().toLowerCase()))
}

/**
 * Removes the phone and e-mail keys of the stored version of `id`. They are read from its JSON
 * so the lookup tables need no secondary index on customer_id (tens of MB at a million rows).
 */
function deleteLookupKeys(db: Database, id: string): void {
  const row = queryOne(db, 'SELECT data FROM customers WHERE id = ?', [id])
  const old = row ? rowToCustomer(row) : null
  if (!old) return
  for (const phone of old.phones) {
    db.run('DELETE FROM customer_phones WHERE e164 = ? AND customer_id = ?', [phone.e164, id])
  }
  for (const email of normalizedEmails(old)) {
    db.run('DELETE FROM customer_emails WHERE email = ? AND customer_id = ?', [email, id])
  }
}

/** Inserts or replaces one customer with its phones and e-mails. */
export function upsertCustomer(db: Database, c: Customer): void {
  const firstFolded = foldForSearch(c.firstName)
  const lastFolded = foldForSearch(c.lastName)
  deleteLookupKeys(db, c.id)
  db.run(
    `INSERT INTO customers (id, external_ref, name_folded, last_name_folded, document_id, data)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET external_ref = excluded.external_ref,
       name_folded = excluded.name_folded, last_name_folded = excluded.last_name_folded,
       document_id = excluded.document_id, data = excluded.data`,
    [
      c.id,
      c.externalRef,
      `${firstFolded} ${lastFolded}`.trim(),
      lastFolded,
      c.documentId === null ? null : normalizeDocumentId(c.documentId),
      JSON.stringify(c)
    ]
  )
  // A number shared by a household belongs to each of its customers: several matches.
  for (const phone of c.phones) {
    db.run('INSERT OR IGNORE INTO customer_phones (e164, customer_id) VALUES (?, ?)', [
      phone.e164,
      c.id
    ])
  }
  for (const email of normalizedEmails(c)) {
    db.run('INSERT OR IGNORE INTO customer_emails (email, customer_id) VALUES (?, ?)', [
      email,
      c.id
    ])
  }
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

/** Parses the stored JSON back into a Customer; null if the row is unreadable. */
export function rowToCustomer(row: Row): Customer | null {
  try {
    const parsed = customerSchema.safeParse(JSON.parse(asString(row['data'])))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
