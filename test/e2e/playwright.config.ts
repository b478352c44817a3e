import { defineConfig } from '@playwright/test'

import { chromiumArgs, chromiumPath } from './support/chromium'

export default defineConfig({
  testDir: '.',
  // The import aliases (@shared/…, @support/…) live in the base config's `paths`.
  tsconfig: '../../tsconfig.base.json',
  testMatch: '**/*.spec.ts',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  // A focused test left in by mistake must fail CI rather than silence the rest of the suite.
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI']
    ? [['list'], ['junit', { outputFile: '../../test-results/e2e-junit.xml' }]]
    : [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'es-ES',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() }
  }
})
