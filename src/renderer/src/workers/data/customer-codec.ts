/**
 * The cache's storage form of a customer: a positional JSON array without the id and external
 * reference (they are columns). Field names would be ~45% of every row, about 260 MB at a
 * million customers. Rows written by schema 1 (plain objects) are still read.
 */
import {
  customerSchema,
  languages,
  phoneKinds,
  valueTiers,
  type Customer
} from '../../../../shared/domain/customer'

/**
 * Bump when the array layout changes; rows of an unknown layout read as missing. Layout 2 stores
 * the language and tier as their index in the shared lists and the update time as epoch
 * milliseconds when that gives the same ISO text back (about 25 bytes a row, 25 MB at a million).
 */
const LAYOUT = 2

/** Where the phones (`[[e164, kind], …]`) sit in the stored array, for SQL's json_each. */
export const PHONES_JSON_PATH = '$[4]'

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

/** The stored array of a customer, before it is serialised (a bulk load nests it in a batch). */
export function customerLayout(c: Customer): unknown[] {
  return [
    LAYOUT,
    c.firstName,
    c.lastName,
    c.documentId,
    c.phones.map((p) => [p.e164, phoneKinds.indexOf(p.kind)]),
    c.emails,
    languages.indexOf(c.preferredLanguage),
    valueTiers.indexOf(c.tier),
    c.recencyDays,
    c.frequency12m,
    c.monetary12m,
    c.lifetimeValue,
    c.products.map((p) => [p.code, p.name, p.since]),
    c.doNotCall ? 1 : 0,
    c.notes,
    compactTime(c.updatedAt)
  ]
}

/** The only text `toISOString` produces for years 0000–9999. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Epoch milliseconds when they give back exactly the same ISO text; the text otherwise.
 *
 * @remarks Checked without formatting the date back (half the cost at a million rows): a
 * canonical text gives itself back unless Date rolled an impossible day or hour over
 * (2026-02-30, 24:00), which shows in the day of month or the hour.
 */
function compactTime(iso: string): number | string {
  if (!CANONICAL_ISO.test(iso)) return iso
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return iso
  const date = new Date(ms)
  const sameDay = date.getUTCDate() === Number(iso.slice(8, 10))
  return sameDay && date.getUTCHours() === Number(iso.slice(11, 13)) ? ms : iso
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
  if (a[0] !== LAYOUT && a[0] !== 1) return null
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
