/**
 * Screen pop and search over the customer cache. Every lookup that runs while a phone rings
 * goes through an index: id, external_ref, E.164 primary key.
 */
import { isSupportedCountry } from 'libphonenumber-js'
import type { Database } from 'sql.js'

import type { CustomerMatch } from '../../../../shared/contract/worker'
import type { Customer } from '../../../../shared/domain/customer'
import { foldForSearch } from '../../../../shared/domain/text'
import { normalizePhone } from '../../../../shared/phone/normalize'

import { normalizeDocumentId, rowToCustomer } from './customer-rows'
import { queryAll, type BindParamsList } from './sql'

function customersWhere(db: Database, where: string, params: BindParamsList): Customer[] {
  const rows = queryAll(db, `SELECT data FROM customers WHERE ${where}`, params)
  return rows.flatMap((row) => rowToCustomer(row) ?? [])
}

export function getCustomer(db: Database, id: string): Customer | null {
  return customersWhere(db, 'id = ?', [id])[0] ?? null
}

/** The E.164 form of a caller number, or null (withheld, internal extension, not a number). */
export function callerE164(callerNumber: string, defaultCountry: string): string | null {
  if (!isSupportedCountry(defaultCountry)) return null
  const normalized = normalizePhone(callerNumber, defaultCountry)
  return normalized.kind === 'e164' ? normalized.e164 : null
}

/**
 * Who is calling: a CTI customer id (set by the IVR) wins over the caller number, because a
 * shared or withheld line says little about who speaks.
 */
export function matchCustomer(
  db: Database,
  args: { callerNumber: string; ctiCustomerId: string | null; defaultCountry: string }
): CustomerMatch {
  const normalizedNumber = callerE164(args.callerNumber, args.defaultCountry)
  const cti = args.ctiCustomerId?.trim() ?? ''
  if (cti !== '') {
    const byCti = customersWhere(db, 'id = ? OR external_ref = ? LIMIT 5', [cti, cti])
    if (byCti.length > 0) return { matchedBy: 'cti', normalizedNumber, customers: byCti }
  }
  if (normalizedNumber !== null) {
    const byPhone = customersWhere(
      db,
      'id IN (SELECT customer_id FROM customer_phones WHERE e164 = ?)',
      [normalizedNumber]
    )
    if (byPhone.length > 0) return { matchedBy: 'phone', normalizedNumber, customers: byPhone }
  }
  return { matchedBy: 'none', normalizedNumber, customers: [] }
}

/** Bounds for an index range scan that means "starts with prefix" under BINARY collation. */
function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\uffff`]
}

function searchByName(db: Database, query: string, limit: number): Customer[] {
  const folded = foldForSearch(query)
  if (folded === '') return []
  const [from, to] = prefixRange(folded)
  return customersWhere(
    db,
    `(first_name_folded >= ? AND first_name_folded < ?)
      OR (last_name_folded >= ? AND last_name_folded < ?)
      OR (name_folded >= ? AND name_folded < ?)
     ORDER BY name_folded, id LIMIT ?`,
    [from, to, from, to, from, to, limit]
  )
}

function searchByEmail(db: Database, query: string, limit: number): Customer[] {
  const [from, to] = prefixRange(query.trim().toLowerCase())
  return customersWhere(
    db,
    `id IN (SELECT customer_id FROM customer_emails WHERE email >= ? AND email < ?)
     ORDER BY name_folded, id LIMIT ?`,
    [from, to, limit]
  )
}

/** A digit fragment may sit anywhere in the number, so this one scans the phone table. */
function searchByPhoneDigits(db: Database, digits: string, limit: number): Customer[] {
  return customersWhere(
    db,
    `id IN (SELECT customer_id FROM customer_phones WHERE instr(e164, ?) > 0)
     ORDER BY name_folded, id LIMIT ?`,
    [digits, limit]
  )
}

function searchByDocument(db: Database, query: string, limit: number): Customer[] {
  const documentId = normalizeDocumentId(query)
  if (documentId === '') return []
  return customersWhere(db, 'document_id = ? ORDER BY name_folded LIMIT ?', [documentId, limit])
}

/** Search by name prefix (accent and case-insensitive), phone digits, e-mail or document id. */
export function searchCustomers(db: Database, query: string, limit: number): Customer[] {
  const trimmed = query.trim()
  if (trimmed === '' || limit <= 0) return []
  const found = new Map<string, Customer>()
  const add = (list: Customer[]): void => {
    for (const c of list) if (found.size < limit && !found.has(c.id)) found.set(c.id, c)
  }
  add(searchByDocument(db, trimmed, limit))
  if (trimmed.includes('@')) {
    add(searchByEmail(db, trimmed, limit))
  } else if (/^[\d\s+().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '')
    if (digits.length >= 3) add(searchByPhoneDigits(db, digits, limit))
  } else {
    add(searchByName(db, trimmed, limit))
  }
  return [...found.values()]
}
