/**
 * Reading and writing the cache's storage form of a customer (the positional array of
 * src/shared/sync/customer-cache-row.ts; the server sends it in that form in the bulk pull).
 * Rows written by schema 1 (plain objects) and layout 1 are still read.
 */
import {
  customerSchema,
  languages,
  phoneKinds,
  valueTiers,
  type Customer
} from '@shared/domain/customer'
import { CUSTOMER_ROW_LAYOUT, customerLayout } from '@shared/sync/customer-cache-row'

/**
 * SQL for the tier of the stored customer aliased `alias`: its index in `valueTiers` (layouts
 * 2 and later) or its name (layout 1 and plain-object rows).
 */
export function customerTierSql(alias: string): string {
  return `COALESCE(json_extract(${alias}.data, '$[7]'), json_extract(${alias}.data, '$.tier'))`
}

export function encodeCustomer(c: Customer): string {
  return JSON.stringify(customerLayout(c))
}

function fromIndex(list: readonly string[], value: unknown): unknown {
  return typeof value === 'number' ? list[value] : value
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value)
}

function pairs(value: unknown): unknown[][] {
  return isList(value) ? value.map((v) => (isList(v) ? v : [])) : []
}

function fromLayout(id: string, externalRef: string, a: unknown[]): unknown {
  // Layout 1 held the language, tier and update time as text; fromIndex passes text through.
  if (a[0] !== CUSTOMER_ROW_LAYOUT && a[0] !== 1) return null
  const updatedAt = a[15]
  return {
    id,
    externalRef,
    firstName: a[1],
    lastName: a[2],
    documentId: a[3],
    phones: pairs(a[4]).map(([e164, kind]) => ({
      e164,
      kind: typeof kind === 'number' ? phoneKinds[kind] : kind
    })),
    emails: a[5],
    preferredLanguage: fromIndex(languages, a[6]),
    tier: fromIndex(valueTiers, a[7]),
    recencyDays: a[8],
    frequency12m: a[9],
    monetary12m: a[10],
    lifetimeValue: a[11],
    products: pairs(a[12]).map(([code, name, since]) => ({ code, name, since })),
    doNotCall: a[13] === 1,
    notes: a[14],
    updatedAt: typeof updatedAt === 'number' ? new Date(updatedAt).toISOString() : updatedAt
  }
}

/** The customer stored as `data` under `id`; null when the row is unreadable. */
export function decodeCustomer(id: string, externalRef: string, data: string): Customer | null {
  try {
    const raw: unknown = JSON.parse(data)
    const candidate = isList(raw) ? fromLayout(id, externalRef, raw) : raw
    // The cache is checked against the shared contract on the way out, like the server does.
    const parsed = customerSchema.safeParse(candidate)
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
