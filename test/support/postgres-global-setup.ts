/**
 * Vitest global setup for the integration project: starts a private PostgreSQL 15 cluster and
 * hands its URL to the tests, and makes the migrated PGlite template (see pglite-template.ts). TEST_DATABASE_URL skips all this and uses that server.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { TestProject } from 'vitest/node'

import { preparePgliteDataDir } from './pglite-data-dir'
import { writePgliteTemplate } from './pglite-template'
import { startCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on a server where tests may create and drop databases. */
    postgresUrl: string
  }
}

/** Starts the cluster (or uses TEST_DATABASE_URL) and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templateDir = await mkdtemp(join(tmpdir(), 'atiende-pglite-template-'))
  project.provide('pgliteTemplate', await writePgliteTemplate(templateDir))
  await preparePgliteDataDir(templateDir)
  const removeTemplate = () => rm(templateDir, { recursive: true, force: true })
  const external = process.env['TEST_DATABASE_URL']
  if (external) {
    project.provide('postgresUrl', external)
    return removeTemplate
  }
  const cluster = await startCluster()
  project.provide('postgresUrl', cluster.url)
  return async () => {
    await cluster.stop()
    await removeTemplate()
  }
}
