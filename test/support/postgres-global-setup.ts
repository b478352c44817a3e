/**
 * Vitest global setup for the integration project: starts a private PostgreSQL 15 cluster and
 * hands its URL to the tests. TEST_DATABASE_URL skips all this and uses that server.
 */
import type { TestProject } from 'vitest/node'

import { startCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on a server where tests may create and drop databases. */
    postgresUrl: string
  }
}

/** Starts the cluster (or uses TEST_DATABASE_URL) and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['TEST_DATABASE_URL']
  if (external) {
    project.provide('postgresUrl', external)
    return () => Promise.resolve()
  }
  const cluster = await startCluster()
  project.provide('postgresUrl', cluster.url)
  return cluster.stop
}
