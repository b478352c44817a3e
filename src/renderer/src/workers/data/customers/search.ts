/**
 * Search while typing, over indexes only on the common paths: folded name prefixes (accent and
 * case-insensitive), E.164 prefixes for phone fragments, e-mail prefixes, exact document id or
 * external reference. Only a digit fragment that starts no known number falls back to a scan.
 *
 * @remarks Each query walks one index in its own order and stops at the limit: a short, common
 * name prefix matches tens of thousands of customers at a million, and sorting them before the
 * limit cost 50 ms. Name matches come back in name order, the rest in name order of the few found.
 */
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js'
import type { Database } from 'sql.js'

import type { Customer } from '@shared/domain/customer'
import { foldForSearch } from '@shared/domain/text'
import { normalizeDocumentId } from '@shared/sync/customer-cache-row'

import { customersWhere } from './queries'
import { CUSTOMER_COLUMNS, rowToCustomer } from './rows'
import { asString, queryAll } from '../store/sql'

/** Bounds for an index range scan that means "starts with prefix" under BINARY collation. */
function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\uffff`]
}

interface NamedRow {
  sortName: string
  customer: Customer
}

/** Up to `limit` customers whose `column` starts with `folded`, walking that column's index. */
function byNamePrefix(
  db: Database,
  column: 'name_folded' | 'last_name_folded',
  folded: string,
  limit: number
): NamedRow[] {
  const [from, to] = prefixRange(folded)
  return queryAll(
    db,
    `SELECT name_folded, ${CUSTOMER_COLUMNS} FROM customers
     WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column}, key LIMIT ?`,
    [from, to, limit]
  ).flatMap((row) => {
    const customer = rowToCustomer(row)
    return customer ? [{ sortName: asString(row['name_folded']), customer }] : []
  })
}

function searchByName(db: Database, query: string, limit: number): Customer[] {
  const folded = foldForSearch(query)
  if (folded === '') return []
  // name_folded is "first last", so it answers first-name and full-name prefixes; surnames have
  // their own index. Two index walks of `limit` rows each, merged by name.
  const rows = [
    ...byNamePrefix(db, 'name_folded', folded, limit),
    ...byNamePrefix(db, 'last_name_folded', folded, limit)
  ]
  rows.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0))
  return rows.map((r) => r.customer)
}

function searchByEmail(db: Database, query: string, limit: number): Customer[] {
  const [from, to] = prefixRange(query.trim().toLowerCase())
  return customersWhere(
    db,
    `key IN (SELECT customer_key FROM customer_emails WHERE email >= ? AND email < ? LIMIT ?)
     ORDER BY name_folded, key`,
    [from, to, limit]
  )
}

function byPhoneRows(db: Database, where: string, params: (string | number)[]): Customer[] {
  return queryAll(
    db,
    `SELECT c.id, c.external_ref, c.data FROM customers c WHERE c.key IN
       (SELECT customer_key FROM customer_phones WHERE ${where})
     ORDER BY c.name_folded, c.key`,
    params
  ).flatMap((row) => rowToCustomer(row) ?? [])
}

/**
 * The E.164 prefixes a digit fragment may start: as typed internationally (`+…`, `00…`, or
 * digits with the country code), or as a national number of the default country (trunk `0`
 * dropped, as in `011 4123…` in Argentina).
 */
export function phonePrefixes(raw: string, defaultCountry: string | undefined): string[] {
  const digits = raw.replace(/\D/g, '')
  const trimmed = raw.trim()
  if (trimmed.startsWith('+')) return [`+${digits}`]
  if (trimmed.startsWith('00')) return [`+${digits.slice(2)}`]
  const prefixes = [`+${digits}`]
  if (defaultCountry && isSupportedCountry(defaultCountry)) {
    const code = getCountryCallingCode(defaultCountry)
    prefixes.unshift(`+${code}${digits.replace(/^0/, '')}`)
  }
  return [...new Set(prefixes)]
}

function searchByPhone(
  db: Database,
  raw: string,
  limit: number,
  defaultCountry: string | undefined
): Customer[] {
  const found: Customer[] = []
  for (const prefix of phonePrefixes(raw, defaultCountry)) {
    const [from, to] = prefixRange(prefix)
    found.push(...byPhoneRows(db, 'e164 >= ? AND e164 < ? LIMIT ?', [from, to, limit]))
    if (found.length >= limit) return found
  }
  const digits = raw.replace(/\D/g, '')
  if (found.length > 0 || digits.length < 4) return found
  // A fragment from the middle or the end of a number: a scan, stopped at `limit` matches.
  return byPhoneRows(db, 'instr(e164, ?) > 0 LIMIT ?', [digits, limit])
}

function searchByReference(db: Database, query: string, limit: number): Customer[] {
  const documentId = normalizeDocumentId(query)
  if (documentId === '') return []
  return customersWhere(db, 'document_id = ? OR external_ref = ? ORDER BY name_folded LIMIT ?', [
    documentId,
    query.trim().toUpperCase(),
    limit
  ])
}

const PHONE_LIKE = /^[\d\s+().-]+$/

/** Search by name prefix (accent and case-insensitive), phone digits, e-mail or document id. */
export function searchCustomers(
  db: Database,
  query: string,
  limit: number,
  defaultCountry?: string
): Customer[] {
  const trimmed = query.trim()
  if (trimmed === '' || limit <= 0) return []
  const found = new Map<string, Customer>()
  const add = (list: Customer[]): void => {
    for (const c of list) if (found.size < limit && !found.has(c.id)) found.set(c.id, c)
  }
  add(searchByReference(db, trimmed, limit))
  if (trimmed.includes('@')) {
    add(searchByEmail(db, trimmed, limit))
  } else if (PHONE_LIKE.test(trimmed)) {
    if (trimmed.replace(/\D/g, '').length >= 3) {
      add(searchByPhone(db, trimmed, limit, defaultCountry))
    }
  } else {
    add(searchByName(db, trimmed, limit))
  }
  return [...found.values()]
}
