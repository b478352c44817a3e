/**
 * Migrated PGlite databases without paying for initdb each time. Opening an empty in-memory
 * PGlite runs initdb (about 2 s of the 2.5 s an integration case spent creating its database);
 * the integration run's global setup makes one migrated cluster, dumps it to a file, and every
 * test database starts from that dump. Outside that setup (unit tests) it opens and migrates.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { inject } from 'vitest'

import type { Db } from '@server/db/db'
import { migrate } from '@server/db/migrate'
import { openPgliteDb } from '@server/db/pglite-db'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A `dumpDataDir` file of a migrated, empty PGlite cluster. */
    pgliteTemplate?: string
  }
}

/** Dumps a freshly migrated cluster into `dir` and returns the file's path. */
export async function writePgliteTemplate(dir: string): Promise<string> {
  const db = await openPgliteDb('memory://')
  await migrate(db)
  const dump = await db.dump()
  await db.close()
  const path = join(dir, 'pglite-migrated.tar')
  await writeFile(path, Buffer.from(await dump.arrayBuffer()))
  return path
}

let template: Promise<Blob | null> | null = null

function templateBlob(): Promise<Blob | null> {
  template ??= (async () => {
    const path = inject('pgliteTemplate')
    return path ? new Blob([await readFile(path)]) : null
  })()
  return template
}

/** An in-memory PGlite with every migration applied. */
export async function openMigratedPglite(): Promise<Db> {
  const blob = await templateBlob()
  const db = blob
    ? await openPgliteDb('memory://', { loadDataDir: blob })
    : await openPgliteDb('memory://')
  // A no-op on the template (every migration is recorded); the whole run without one.
  await migrate(db)
  return db
}
