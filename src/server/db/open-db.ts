import { join } from 'node:path'

import type { Db } from './db'
import { openPgliteDb } from './pglite-db'
import { openPostgresDb } from './postgres-db'

export interface OpenDbOptions {
  /** A postgres:// URL selects PostgreSQL; none means the embedded PGlite. */
  databaseUrl?: string | undefined
  /** Where PGlite keeps its files (`<dataDir>/pglite`). */
  dataDir: string
  onListenerError?: (error: Error) => void
}

/** Opens the database the configuration asks for. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  const url = options.databaseUrl
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return openPostgresDb(
      options.onListenerError
        ? { connectionString: url, onListenerError: options.onListenerError }
        : { connectionString: url }
    )
  }
  // A set but unusable URL is a configuration mistake, not a request for the embedded engine.
  if (url) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  return openPgliteDb(join(options.dataDir, 'pglite'))
}
