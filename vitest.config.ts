import { defineConfig } from 'vitest/config'

import { viteAliases } from './scripts/config/path-aliases.ts'

const reporters = process.env['CI'] ? ['default', 'junit'] : ['default']

export default defineConfig({
  resolve: { alias: viteAliases(import.meta.dirname) },
  test: {
    reporters,
    outputFile: { junit: 'test-results/vitest-junit.xml' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A few unit files open an in-memory PGlite in a hook: 2-3 s idle, up to 17 s measured
          // on a loaded 2-core machine, so the 10 s default failed them for no fault of theirs.
          hookTimeout: 30_000
        }
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two files at a time: much of an integration file is waiting (timers, sockets, a
          // server restarting), so a second one fills the gaps; each has its own databases and
          // ports. Measured on this machine: 11.0 → 9.4 min under load.
          maxWorkers: 2
        }
      }
    ]
  }
})
