/**
 * Small helpers over sql.js. Statements are prepared per call and freed at once because
 * `Database.export()` frees every prepared statement, so a cached one would break after a snapshot.
 */
import type { BindParams, Database, SqlValue } from 'sql.js'

export type Row = Record<string, SqlValue>

/** Runs a query and returns every row as an object. */
export function queryAll(db: Database, sql: string, params: BindParams = null): Row[] {
  const stmt = db.prepare(sql)
  try {
    stmt.bind(params)
    const rows: Row[] = []
    while (stmt.step()) rows.push(stmt.getAsObject())
    return rows
  } finally {
    stmt.free()
  }
}

/** The first row of a query, or null. */
export function queryOne(db: Database, sql: string, params: BindParams = null): Row | null {
  return queryAll(db, sql, params)[0] ?? null
}

/** Runs `work` in one transaction: all of it is applied or none of it. */
export function inTransaction<T>(db: Database, work: () => T): T {
  db.run('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.run('COMMIT')
    return result
  } catch (error) {
    db.run('ROLLBACK')
    throw error
  }
}

export function asString(value: SqlValue | undefined): string {
  return typeof value === 'string' ? value : String(value ?? '')
}

export function asNullableString(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : asString(value)
}

export function asNumber(value: SqlValue | undefined): number {
  return typeof value === 'number' ? value : Number(value ?? 0)
}

/** Reads a value from the meta table; the cursor and the snapshot generation live there. */
export function getMeta(db: Database, key: string): string | null {
  const row = queryOne(db, 'SELECT value FROM meta WHERE key = ?', [key])
  return row ? asString(row['value']) : null
}

export function setMeta(db: Database, key: string, value: string): void {
  db.run(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    [key, value]
  )
}

/** Positional parameters for a statement. */
export type BindParamsList = SqlValue[]
