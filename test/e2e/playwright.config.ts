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
  expect: {
    timeout: 15_000,
    toHaveScreenshot: {
      // The visual spec's tolerance: up to 1 % of the pixels may differ (font hinting and
      // anti-aliasing between runs of the same Chromium and fonts); a moved panel, a changed
      // colour or a missing control differs far more. Baselines are made on this machine kind.
      maxDiffPixelRatio: 0.01,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css'
    }
  },
  // CI compares with the committed baselines and never writes them; a developer's run writes
  // only missing ones (see docs/testing.md to regenerate all).
  updateSnapshots: process.env['CI'] ? 'none' : 'missing',
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
