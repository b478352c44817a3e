import { defineConfig } from 'vitest/config'

import { viteAliases } from './scripts/config/path-aliases'

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
          environment: 'node'
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
          fileParallelism: false
        }
      }
    ]
  }
})
