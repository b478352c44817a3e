/**
 * Screen pop and search over the customer cache. Every lookup that runs while a phone rings
 * goes through an index: id, external_ref, E.164 primary key.
 */
import { isSupportedCountry } from 'libphonenumber-js'
import type { Database } from 'sql.js'

import type { CallerKind, CustomerMatch } from '@shared/contract/worker'
import type { Customer } from '@shared/domain/customer'
import { normalizePhone } from '@shared/phone/normalize'

import { CUSTOMER_COLUMNS, rowToCustomer } from './rows'
import { asNumber, queryAll, queryOne, type BindParamsList } from '../store/sql'

/** Customers matching a WHERE clause over the customers table (indexed by the caller). */
export function customersWhere(db: Database, where: string, params: BindParamsList): Customer[] {
  const rows = queryAll(db, `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE ${where}`, params)
  return rows.flatMap((row) => rowToCustomer(row) ?? [])
}

export function countCustomers(db: Database): number {
  return asNumber(queryOne(db, 'SELECT COUNT(*) AS n FROM customers')?.['n'])
}

/** Random cached customers, for diagnostics and benchmarks (a full scan: never on ring). */
export function sampleCustomers(db: Database, count: number): Customer[] {
  return customersWhere(db, '1 ORDER BY random() LIMIT ?', [count])
}

export function getCustomer(db: Database, id: string): Customer | null {
  return customersWhere(db, 'id = ?', [id])[0] ?? null
}

/** What the signalled caller number is, and its E.164 form when it is a phone number. */
export function classifyCaller(
  callerNumber: string,
  defaultCountry: string
): { caller: CallerKind; e164: string | null } {
  if (!isSupportedCountry(defaultCountry)) return { caller: 'invalid', e164: null }
  const n = normalizePhone(callerNumber, defaultCountry)
  if (n.kind === 'e164') return { caller: 'number', e164: n.e164 }
  return { caller: n.kind, e164: null }
}

/** The E.164 form of a caller number, or null (withheld, internal extension, not a number). */
export function callerE164(callerNumber: string, defaultCountry: string): string | null {
  return classifyCaller(callerNumber, defaultCountry).e164
}

export interface LocalMatchArgs {
  callerNumber: string
  ctiCustomerId: string | null
  /** CTI header values in the configured header order; each may be an id or an external ref. */
  ctiIds?: readonly string[] | undefined
  defaultCountry: string
}

/** The distinct, non-empty CTI ids to try, in order; an absurdly long value is not an id. */
function ctiCandidates(args: LocalMatchArgs): string[] {
  const all = [...(args.ctiIds ?? []), args.ctiCustomerId ?? '']
  return [...new Set(all.map((v) => v.trim()))].filter((v) => v !== '' && v.length <= 128)
}

function byPhone(db: Database, e164: string): Customer[] {
  return queryAll(
    db,
    `SELECT c.id, c.external_ref, c.data FROM customer_phones p
       JOIN customers c ON c.key = p.customer_key
     WHERE p.e164 = ? ORDER BY c.name_folded, c.key LIMIT 20`,
    [e164]
  ).flatMap((row) => rowToCustomer(row) ?? [])
}

/**
 * Who is calling, from the cache only: a CTI id (set by the IVR) wins over the caller number,
 * because a shared or withheld line says little about who speaks. The online fallback is
 * `matchCaller`'s job.
 */
export function matchCustomer(db: Database, args: LocalMatchArgs): CustomerMatch {
  const { caller, e164 } = classifyCaller(args.callerNumber, args.defaultCountry)
  const base = { normalizedNumber: e164, caller, online: 'not_needed' as const }
  for (const cti of ctiCandidates(args)) {
    const byCti = customersWhere(db, 'id = ? OR external_ref = ? LIMIT 5', [cti, cti])
    if (byCti.length > 0) return { ...base, matchedBy: 'cti', customers: byCti }
  }
  if (e164 !== null) {
    const found = byPhone(db, e164)
    if (found.length > 0) return { ...base, matchedBy: 'phone', customers: found }
  }
  return { ...base, matchedBy: 'none', customers: [] }
}
