/**
 * The configuration tables as the protocol's entries: disposition codes, pause reasons and
 * complaint categories (each category published whole, with its subcategories), read and written
 * inside the caller's transaction. Rows are never deleted; `active` retires them.
 */
import type {
  ComplaintCategoryConfig,
  DispositionCode,
  PauseReason
} from '@shared/domain/configuration'
import type { SqlParam, Queryable } from '../db/db'

interface DispositionCodeRow {
  code: string
  label_es: string
  label_en: string
  needs_callback: boolean
  active: boolean
  sort_order: number
}

interface PauseReasonRow {
  code: string
  label_es: string
  label_en: string
  paid: boolean
  max_minutes: number | null
  selectable: boolean
  active: boolean
  sort_order: number
}

interface CategoryRow {
  code: string
  parent_code: string | null
  label_es: string
  label_en: string
  active: boolean
  sort_order: number
}

const toDispositionCode = (r: DispositionCodeRow): DispositionCode => ({
  code: r.code,
  label: { es: r.label_es, en: r.label_en },
  needsCallback: r.needs_callback,
  active: r.active,
  sortOrder: r.sort_order
})

const toPauseReason = (r: PauseReasonRow): PauseReason => ({
  code: r.code,
  label: { es: r.label_es, en: r.label_en },
  paid: r.paid,
  maxMinutes: r.max_minutes,
  selectable: r.selectable,
  active: r.active,
  sortOrder: r.sort_order
})

/** Categories with their subcategories, both in their configured order. */
function toCategories(rows: readonly CategoryRow[]): ComplaintCategoryConfig[] {
  const sorted = [...rows].sort(
    (a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code)
  )
  return sorted
    .filter((r) => r.parent_code === null)
    .map((c) => ({
      code: c.code,
      label: { es: c.label_es, en: c.label_en },
      subcategories: sorted
        .filter((s) => s.parent_code === c.code)
        .map((s) => ({
          code: s.code,
          label: { es: s.label_es, en: s.label_en },
          active: s.active
        })),
      active: c.active,
      sortOrder: c.sort_order
    }))
}

export async function allDispositionCodes(tx: Queryable): Promise<DispositionCode[]> {
  const rows = await tx.query<DispositionCodeRow>(
    'SELECT * FROM disposition_codes ORDER BY sort_order, code'
  )
  return rows.map(toDispositionCode)
}

export async function allPauseReasons(tx: Queryable): Promise<PauseReason[]> {
  const rows = await tx.query<PauseReasonRow>(
    'SELECT * FROM pause_reasons ORDER BY sort_order, code'
  )
  return rows.map(toPauseReason)
}

export async function allComplaintCategories(tx: Queryable): Promise<ComplaintCategoryConfig[]> {
  return toCategories(await tx.query<CategoryRow>('SELECT * FROM complaint_categories'))
}

/** One disposition code, locked until the transaction ends; null when there is none. */
export async function lockDispositionCode(
  tx: Queryable,
  code: string
): Promise<DispositionCode | null> {
  const rows = await tx.query<DispositionCodeRow>(
    'SELECT * FROM disposition_codes WHERE code = $1 FOR UPDATE',
    [code]
  )
  const row = rows[0]
  return row ? toDispositionCode(row) : null
}

export async function lockPauseReason(tx: Queryable, code: string): Promise<PauseReason | null> {
  const rows = await tx.query<PauseReasonRow>(
    'SELECT * FROM pause_reasons WHERE code = $1 FOR UPDATE',
    [code]
  )
  const row = rows[0]
  return row ? toPauseReason(row) : null
}

/**
 * A top-level category with its subcategories, all locked until the transaction ends; null when
 * `code` is not a top-level category.
 */
export async function lockComplaintCategory(
  tx: Queryable,
  code: string
): Promise<ComplaintCategoryConfig | null> {
  const rows = await tx.query<CategoryRow>(
    `SELECT * FROM complaint_categories WHERE code = $1 OR parent_code = $1 FOR UPDATE`,
    [code]
  )
  return toCategories(rows).find((c) => c.code === code) ?? null
}

/** Where a new entry goes when no order is given: after the last of its siblings. */
export async function nextSortOrder(
  tx: Queryable,
  table: 'disposition_codes' | 'pause_reasons' | 'complaint_categories',
  parentCode: string | null = null
): Promise<number> {
  const rows =
    table === 'complaint_categories'
      ? await tx.query<{ last: number | null }>(
          `SELECT max(sort_order) AS last FROM complaint_categories
            WHERE parent_code IS NOT DISTINCT FROM $1`,
          [parentCode]
        )
      : await tx.query<{ last: number | null }>(`SELECT max(sort_order) AS last FROM ${table}`)
  return (rows[0]?.last ?? 0) + 10
}

/** Column values to set, by column name; undefined values are left alone. */
export type ColumnValues = Record<string, SqlParam | undefined>

/** `UPDATE table SET …` for the defined values of `values`, on the row(s) `where` picks. */
export async function updateColumns(
  tx: Queryable,
  table: 'disposition_codes' | 'pause_reasons' | 'complaint_categories',
  values: ColumnValues,
  where: { sql: string; params: readonly SqlParam[] }
): Promise<void> {
  const set = Object.entries(values).filter(
    (entry): entry is [string, SqlParam] => entry[1] !== undefined
  )
  if (set.length === 0) return
  const offset = where.params.length
  const assignments = set.map(([column], i) => `${column} = $${String(offset + i + 1)}`)
  await tx.query(`UPDATE ${table} SET ${assignments.join(', ')} WHERE ${where.sql}`, [
    ...where.params,
    ...set.map(([, value]) => value)
  ])
}

/** The label's two columns, when a label is given. */
export function labelColumns(label: { es: string; en: string } | undefined): ColumnValues {
  return { label_es: label?.es, label_en: label?.en }
}
