/**
 * A customer in the form the client's cache stores it: the indexed columns (folded names,
 * normalised document, e-mail keys) and the card's fields as a positional array. The server
 * computes this once when a customer is written, and the bulk pull sends it as it is, so a client
 * loading a million customers neither parses objects nor folds names nor re-encodes rows: it
 * binds the stream's bytes straight into SQLite.
 *
 * @remarks Part of the wire contract (protocol 7): the array positions, the index lists and the
 * folding rules below are what the client searches by. Field names would be ~45 % of every row.
 */
import { languages, phoneKinds, valueTiers, type Customer } from '../domain/customer'
import { foldForSearch } from '../domain/text'

/**
 * The version of the positional array (its first element). Layout 2 stores the language and
 * tier as their index in the shared lists and the update time as epoch milliseconds when that
 * gives the same ISO text back. Rows of an unknown layout read as missing.
 */
export const CUSTOMER_ROW_LAYOUT = 2

/** The card's fields, positionally; see customerLayout for the order. */
export type CustomerLayout = unknown[]

/**
 * `[id, externalRef, nameFolded, lastNameFolded, documentKey, layout, emailKeys, phoneKeys]`.
 * The phones are also in the layout; their keys are repeated at the top so the cache fills its
 * phone index without walking into every layout (a third of the time of that step).
 */
export type CustomerCacheRow = [
  string,
  string,
  string,
  string,
  string | null,
  CustomerLayout,
  string[],
  string[]
]

/** Document ids are compared without spaces, dots or dashes, in upper case. */
export function normalizeDocumentId(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase()
}

/** The distinct lookup keys of a customer's e-mails (trimmed, lower case). */
export function emailKeys(c: Pick<Customer, 'emails'>): Set<string> {
  return new Set(c.emails.map((e) => e.trim().toLowerCase()))
}

/**
 * Names repeat (a million customers share a few thousand first names and surnames), and folding
 * one (Unicode normalisation and two regular expressions) was a tenth of a cold load's CPU.
 */
const foldedNames = new Map<string, string>()
const FOLDED_NAMES_MAX = 50_000

function foldName(name: string): string {
  let folded = foldedNames.get(name)
  if (folded === undefined) {
    folded = foldForSearch(name)
    if (foldedNames.size >= FOLDED_NAMES_MAX) foldedNames.clear()
    foldedNames.set(name, folded)
  }
  return folded
}

/** The indexed columns: folded full name, folded last name, normalised document. */
export function customerColumns(c: Customer): [string, string, string | null] {
  const firstFolded = foldName(c.firstName)
  const lastFolded = foldName(c.lastName)
  const documentId = c.documentId === null ? null : normalizeDocumentId(c.documentId)
  return [`${firstFolded} ${lastFolded}`.trim(), lastFolded, documentId]
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

/** The stored array of a customer (without id and external reference: they are columns). */
export function customerLayout(c: Customer): CustomerLayout {
  return [
    CUSTOMER_ROW_LAYOUT,
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

/** The whole cache row of a customer. */
export function customerCacheRow(c: Customer): CustomerCacheRow {
  return [
    c.id,
    c.externalRef,
    ...customerColumns(c),
    customerLayout(c),
    [...emailKeys(c)],
    [...new Set(c.phones.map((p) => p.e164))]
  ]
}
