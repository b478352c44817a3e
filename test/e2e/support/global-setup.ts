import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'

import { preparePgliteDataDir } from '@support/pglite-data-dir'

import { serveCustomerPhone } from './customer-phone'
import { writeMonitorKeyFile } from './monitor-grants'

/**
 * The browser edition is the built renderer; `npm test` builds it before the e2e step. Every
 * server the run starts signs monitoring grants with one key the tests also hold (set here in the
 * environment the workers and their server processes inherit), so a spec can sign a grant as the
 * server would, e.g. an expired one. The customers' bare phone page is bundled here too.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const index = resolve(import.meta.dirname, '../../../out/renderer/index.html')
  if (!existsSync(index)) {
    throw new Error('out/renderer is missing: run `npm run build:app` before the e2e tests')
  }
  const dir = mkdtempSync(resolve(tmpdir(), 'atiende-e2e-keys-'))
  process.env['ATIENDE_MONITOR_KEY_FILE'] = await writeMonitorKeyFile(dir)
  const [, closePhonePage] = await Promise.all([preparePgliteDataDir(dir), serveCustomerPhone(dir)])
  return async () => {
    await closePhonePage()
    rmSync(dir, { recursive: true, force: true })
  }
}
