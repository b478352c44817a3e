/** The embedded engine: PostgreSQL compiled to WASM, one process, a data dir or `memory://`. */
import { mkdirSync } from 'node:fs'

import { PGlite, type Transaction } from '@electric-sql/pglite'

import type { Db, Queryable, SqlParam } from './db'

const INT8_OID = 20

function queryableOf(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<T>(sql, [...params])
      return result.rows
    }
  }
}

/** The embedded engine's `Db`, which can also dump its whole cluster (for test templates). */
export interface PgliteDb extends Db {
  dump(): Promise<Blob>
}

/**
 * Opens PGlite at `dataDir` (a directory, or `memory://` for tests).
 *
 * `loadDataDir` starts from a dump (`dumpDataDir`) instead of an empty cluster: tests open many
 * databases, and initdb is most of the cost of each.
 *
 * @remarks int8 is parsed to a JS number here and in the PostgreSQL pool, so both engines return
 * change-log sequences the same way.
 */
export async function openPgliteDb(
  dataDir: string,
  options: { loadDataDir?: Blob } = {}
): Promise<PgliteDb> {
  // PGlite creates only the last level of its directory; a fresh `ATIENDE_DATA_DIR` may not exist.
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true })
  const pg = await PGlite.create(dataDir, {
    parsers: { [INT8_OID]: (value: string) => Number(value) },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
  })
  const base = queryableOf(pg)
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(queryableOf(tx))),
    async listen(channel, callback) {
      const unlisten = await pg.listen(channel, callback)
      return () => unlisten()
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none')
  }
}
