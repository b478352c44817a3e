/**
 * The one database interface the server codes against. PGlite (embedded) and node-postgres
 * (PostgreSQL) both implement it with identical SQL, so every query runs on both engines.
 */

export type DbKind = 'pglite' | 'postgres'

/** Values the server binds as query parameters; JSON goes in as text and is cast in SQL. */
export type SqlParam = string | number | boolean | null | Date

/** Anything that can run a query: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement and returns its rows; `T` describes the selected columns. */
  query: <T extends object>(sql: string, params?: readonly SqlParam[]) => Promise<T[]>
}

export type Unlisten = () => Promise<void>

export interface Db extends Queryable {
  readonly kind: DbKind
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>
  /** Subscribes to NOTIFY on `channel`; resolves once the LISTEN is in place. */
  listen(channel: string, callback: (payload: string) => void): Promise<Unlisten>
  notify(channel: string, payload: string): Promise<void>
  close(): Promise<void>
}

/** PostgreSQL unique_violation, the same SQLSTATE on both engines. */
export const UNIQUE_VIOLATION = '23505'

/** SQLSTATE of a database error, when the thrown value carries one. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

/** Quotes an identifier for LISTEN, which takes no bind parameters. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
