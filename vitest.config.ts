import { defineConfig } from 'vitest/config'

const reporters = process.env['CI'] ? ['default', 'junit'] : ['default']

export default defineConfig({
  test: {
    reporters,
    outputFile: { junit: 'test-results/vitest-junit.xml' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node'
        }
      },
      {
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
