/**
 * Customers pulled from the server, stored with the folded and normalised columns that the
 * screen pop and search look up through indexes. The full record is kept as JSON.
 */
import type { Database } from 'sql.js'

import { customerSchema, type Customer } from '../../../../shared/domain/customer'
import { foldForSearch } from '../../../../shared/domain/text'

import { asString, type Row } from './sql'

/** Document ids are compared without spaces, dots or dashes, in upper case. */
export function normalizeDocumentId(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase()
}

/** Inserts or replaces one customer with its phones and e-mails. */
export function upsertCustomer(db: Database, c: Customer): void {
  const firstFolded = foldForSearch(c.firstName)
  const lastFolded = foldForSearch(c.lastName)
  db.run(
    `INSERT INTO customers (id, external_ref, first_name, last_name, first_name_folded,
       last_name_folded, name_folded, document_id, tier, language, do_not_call, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET external_ref = excluded.external_ref,
       first_name = excluded.first_name, last_name = excluded.last_name,
       first_name_folded = excluded.first_name_folded, last_name_folded = excluded.last_name_folded,
       name_folded = excluded.name_folded, document_id = excluded.document_id,
       tier = excluded.tier, language = excluded.language, do_not_call = excluded.do_not_call,
       data = excluded.data`,
    [
      c.id,
      c.externalRef,
      c.firstName,
      c.lastName,
      firstFolded,
      lastFolded,
      `${firstFolded} ${lastFolded}`.trim(),
      c.documentId === null ? null : normalizeDocumentId(c.documentId),
      c.tier,
      c.preferredLanguage,
      c.doNotCall ? 1 : 0,
      JSON.stringify(c)
    ]
  )
  db.run('DELETE FROM customer_phones WHERE customer_id = ?', [c.id])
  for (const phone of c.phones) {
    // A number moves to its latest owner: the server's newest record wins.
    db.run(
      `INSERT INTO customer_phones (e164, customer_id) VALUES (?, ?)
       ON CONFLICT(e164) DO UPDATE SET customer_id = excluded.customer_id`,
      [phone.e164, c.id]
    )
  }
  db.run('DELETE FROM customer_emails WHERE customer_id = ?', [c.id])
  for (const email of new Set(c.emails.map((e) => e.trim().toLowerCase()))) {
    db.run('INSERT OR IGNORE INTO customer_emails (email, customer_id) VALUES (?, ?)', [
      email,
      c.id
    ])
  }
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
