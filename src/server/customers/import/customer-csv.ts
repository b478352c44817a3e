/**
 * Parses a customer CSV (from a CRM or a spreadsheet export) into validated rows plus a report
 * of every row that cannot be imported and why. Nothing here touches the database.
 *
 * Columns (header names, any order; only external_ref, first_name and last_name are required):
 * external_ref, first_name, last_name, document_id, phones, emails, preferred_language,
 * do_not_call, notes, recency_days, frequency_12m, monetary_12m, lifetime_value.
 * `phones` and `emails` hold several values separated by `|`. Comma or semicolon delimiters
 * (Spanish spreadsheets export with semicolons) and a UTF-8 BOM are accepted.
 */
import { parse } from 'csv-parse/sync'
import { z } from 'zod'

import {
  IDENTIFIER_FLAW_MESSAGE,
  identifierText,
  lineText,
  multilineText
} from '@shared/text/text-schemas'
import { cleanLine } from '@shared/text/unsafe-text'
import type { CustomerPhone, Language } from '@shared/domain/customer'
import { normalizePhone, type CountryCode } from '@shared/phone/normalize'

export const MAX_IMPORT_ROWS = 200_000

export interface ImportedCustomer {
  externalRef: string
  firstName: string
  lastName: string
  documentId: string | null
  phones: CustomerPhone[]
  emails: string[]
  preferredLanguage: Language
  doNotCall: boolean
  notes: string
  recencyDays: number
  frequency12m: number
  monetary12m: number
  lifetimeValue: number
}

export interface RowIssue {
  /** Line number in the file (the header is line 1). */
  line: number
  externalRef: string | null
  errors: string[]
}

export interface ParsedCsv {
  rows: ImportedCustomer[]
  issues: RowIssue[]
}

export class CsvFormatError extends Error {}

const yes = new Set(['true', 'yes', 'si', 'sí', '1', 'x'])
const no = new Set(['false', 'no', '0', ''])

const rowSchema = z.object({
  external_ref: identifierText().trim().min(1, 'external_ref is required').max(64),
  first_name: lineText().trim().min(1, 'first_name is required').max(120),
  last_name: lineText().trim().min(1, 'last_name is required').max(120),
  document_id: identifierText().trim().max(64).default(''),
  phones: z.string().default(''),
  emails: z.string().default(''),
  preferred_language: z
    .string()
    .trim()
    .toLowerCase()
    .default('es')
    .transform((v) => (v === '' ? 'es' : v))
    .pipe(z.enum(['es', 'en'], 'preferred_language must be es or en')),
  do_not_call: z
    .string()
    .trim()
    .toLowerCase()
    .default('')
    .refine((v) => yes.has(v) || no.has(v), 'do_not_call must be yes or no')
    .transform((v) => yes.has(v)),
  notes: multilineText().max(4000).default(''),
  recency_days: z.coerce.number().int().min(0).default(365),
  frequency_12m: z.coerce.number().int().min(0).default(0),
  monetary_12m: z.coerce.number().default(0),
  lifetime_value: z.coerce.number().default(0)
})

const emailSchema = z.email()

function splitList(value: string): string[] {
  return value
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

function phonesOf(raw: string, country: CountryCode, errors: string[]): CustomerPhone[] {
  const phones = new Map<string, CustomerPhone>()
  for (const value of splitList(raw)) {
    const n = normalizePhone(value, country)
    if (n.kind === 'e164') phones.set(n.e164, { e164: n.e164, kind: 'mobile' })
    else errors.push(`phone "${cleanLine(value)}" is not a valid number for ${country}`)
  }
  return [...phones.values()]
}

function emailsOf(raw: string, errors: string[]): string[] {
  const emails = splitList(raw).map((e) => e.toLowerCase())
  for (const e of emails)
    if (!emailSchema.safeParse(e).success) errors.push(`email "${cleanLine(e)}" is invalid`)
  return [...new Set(emails)]
}

interface CsvRecord {
  record: Record<string, string>
  /** The line where the record ends (quoted fields may span lines). */
  line: number
}

function readRecords(text: string): CsvRecord[] {
  try {
    const parsed: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      info: true,
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: [',', ';'],
      skip_empty_lines: true,
      trim: false,
      relax_column_count: false,
      to: MAX_IMPORT_ROWS + 1
    })
    return parsed.map((p) => ({ record: p.record, line: p.info.lines }))
  } catch (error) {
    throw new CsvFormatError(error instanceof Error ? error.message : String(error))
  }
}

/** Validates every row; a row with any error is reported and left out, never half-imported. */
export function parseCustomerCsv(text: string, country: CountryCode): ParsedCsv {
  const records = readRecords(text)
  if (records.length > MAX_IMPORT_ROWS) {
    throw new CsvFormatError(`at most ${MAX_IMPORT_ROWS} rows per import`)
  }
  const rows: ImportedCustomer[] = []
  const issues: RowIssue[] = []
  const seen = new Map<string, number>()
  records.forEach(({ record, line }) => {
    const parsed = rowSchema.safeParse(record)
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) =>
        i.message === IDENTIFIER_FLAW_MESSAGE ? `${i.path.join('.')} ${i.message}` : i.message
      )
      // The report echoes what the row said, made safe to show and to log.
      const ref = cleanLine(record['external_ref'] ?? '').trim()
      issues.push({ line, externalRef: ref || null, errors })
      return
    }
    const r = parsed.data
    const errors: string[] = []
    const first = seen.get(r.external_ref)
    if (first !== undefined) errors.push(`external_ref repeats line ${first}`)
    const phones = phonesOf(r.phones, country, errors)
    const emails = emailsOf(r.emails, errors)
    if (errors.length > 0) {
      issues.push({ line, externalRef: r.external_ref, errors })
      return
    }
    seen.set(r.external_ref, line)
    rows.push({
      externalRef: r.external_ref,
      firstName: r.first_name,
      lastName: r.last_name,
      documentId: r.document_id === '' ? null : r.document_id,
      phones,
      emails,
      preferredLanguage: r.preferred_language,
      doNotCall: r.do_not_call,
      notes: r.notes,
      recencyDays: r.recency_days,
      frequency12m: r.frequency_12m,
      monetary12m: r.monetary_12m,
      lifetimeValue: r.lifetime_value
    })
  })
  return { rows, issues }
}
