/**
 * Rows written before the text rule (src/shared/text/unsafe-text.ts) are cleaned by it, as the
 * push now cleans what arrives: unsafe control characters removed from every free-text column,
 * and in single-line ones tabs and line breaks made spaces; multi-line ones have CRLF become LF.
 * PostgreSQL text holds neither NUL nor lone surrogates, so controls are all there is to clean.
 *
 * Identifiers (external refs, codes, call ids, usernames) are left as they are: cleaning one could
 * make it name another record. Change-log copies are left too: clients clean what they pull.
 */
import type { Migration } from './migration'

/** Unsafe controls as a PostgreSQL regular expression: C0 but tab, LF and CR; DEL. */
const UNSAFE = String.raw`[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]`

const singleLine: readonly (readonly [string, string])[] = [
  ['callbacks', 'contact_name'],
  ['complaints', 'expected'],
  ['complaints', 'received'],
  ['complaints', 'requested_remedy'],
  ['complaints', 'product_name'],
  ['complaint_categories', 'label_es'],
  ['complaint_categories', 'label_en'],
  ['disposition_codes', 'label_es'],
  ['disposition_codes', 'label_en'],
  ['pause_reasons', 'label_es'],
  ['pause_reasons', 'label_en'],
  ['customers', 'first_name'],
  ['customers', 'last_name'],
  ['interactions', 'remote_number'],
  ['script_runs', 'abandon_reason'],
  ['teams', 'name'],
  ['users', 'display_name']
]

const multiLine: readonly (readonly [string, string])[] = [
  ['callbacks', 'note'],
  ['compensations', 'reason'],
  ['compensations', 'decision_reason'],
  ['complaint_events', 'note'],
  ['complaints', 'description'],
  ['complaints', 'escalation_reason'],
  ['customers', 'notes'],
  ['dispositions', 'note']
]

// Standard strings: PostgreSQL's regular expressions read \x01, \t, \n and \r themselves.
const cleanSingle = ([table, column]: readonly [string, string]): string =>
  String.raw`UPDATE ${table}
     SET ${column} = regexp_replace(regexp_replace(${column}, '${UNSAFE}', '', 'g'),
                                    '\r\n|[\t\n\r]', ' ', 'g')
   WHERE ${column} ~ '[\x01-\x1f\x7f]'`

const cleanMulti = ([table, column]: readonly [string, string]): string =>
  String.raw`UPDATE ${table}
     SET ${column} = regexp_replace(regexp_replace(${column}, '${UNSAFE}', '', 'g'),
                                    '\r\n?', chr(10), 'g')
   WHERE ${column} ~ '${UNSAFE}|\r'`

export const migration016CleanUnsafeText: Migration = {
  version: 16,
  name: 'clean-unsafe-text',
  statements: [...singleLine.map(cleanSingle), ...multiLine.map(cleanMulti)]
}
