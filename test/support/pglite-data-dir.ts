/**
 * A migrated PGlite data folder that server processes started by tests copy instead of running
 * initdb (about 2 s a start). The run's global setup makes it once and names it in the
 * environment, which the test workers and their server processes inherit.
 */
import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'

import { migrate } from '@server/db/migrate'
import { openPgliteDb } from '@server/db/pglite-db'

const ENV = 'ATIENDE_TEST_PGLITE_DIR'

/** Makes the migrated folder under `dir` and names it in this process's environment. */
export async function preparePgliteDataDir(dir: string): Promise<void> {
  const path = join(dir, 'pglite')
  const db = await openPgliteDb(path)
  await migrate(db)
  await db.close()
  process.env[ENV] = path
}

/** Gives a server's data folder the migrated database, when the run made one. */
export function seedPgliteDataDir(serverDataDir: string): void {
  const template = process.env[ENV]
  const target = join(serverDataDir, 'pglite')
  if (!template || existsSync(target)) return
  cpSync(template, target, { recursive: true })
}
