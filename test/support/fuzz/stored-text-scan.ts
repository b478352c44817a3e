/**
 * After a fuzz run: every text, varchar, json and jsonb column (arrays of them too) of every
 * table in the public schema, read back and searched for what must never be stored: C0 controls
 * other than tab and line feed (so CR too: CRLF becomes LF), DEL, and lone surrogates.
 */
import type { Db } from '@server/db/db'

export interface StoredFinding {
  table: string
  column: string
  /** Where inside a JSON value (empty for a plain text column). */
  path: string
  flaw: string
  /** The offending text, escaped and cut short. */
  sample: string
}

// eslint-disable-next-line no-control-regex
const STORED_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function flawOf(text: string): string | null {
  const control = STORED_CONTROL.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0')
    return `control character U+${code}`
  }
  return LONE_SURROGATE.test(text) ? 'lone surrogate' : null
}

function escaped(text: string): string {
  const json = JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)
  return json
}

function walk(value: unknown, path: string, report: (path: string, text: string) => void): void {
  if (typeof value === 'string') {
    report(path, value)
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, `${path}[${i}]`, report)
    })
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      report(`${path}{key}`, key)
      walk(item, `${path}.${key}`, report)
    }
  }
}

const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY']

/** Every stored string with a forbidden character, with where it is. */
export async function scanStoredText(db: Db): Promise<StoredFinding[]> {
  const columns = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.data_type = ANY($1::text[])
      ORDER BY c.table_name, c.ordinal_position`,
    [`{${TEXT_TYPES.map((t) => `"${t}"`).join(',')}}`]
  )
  const findings: StoredFinding[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await db.query<{ v: unknown }>(
      `SELECT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`
    )
    for (const row of rows) {
      walk(row.v, '', (path, text) => {
        const flaw = flawOf(text)
        if (flaw) findings.push({ table, column, path, flaw, sample: escaped(text) })
      })
    }
  }
  return findings
}

/** Findings grouped by column, JSON path (indexes folded) and flaw: a count and two samples. */
export function summariseFindings(findings: StoredFinding[]): string[] {
  const groups = new Map<string, StoredFinding[]>()
  for (const f of findings) {
    const key = `${f.table}.${f.column}${f.path.replace(/\[\d+\]/g, '[]')}: ${f.flaw}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups].map(
    ([key, group]) =>
      `${key} × ${group.length}, e.g. ${group
        .slice(0, 2)
        .map((f) => f.sample)
        .join(', ')}`
  )
}
