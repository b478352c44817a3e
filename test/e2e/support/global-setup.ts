import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The browser edition is the built renderer; `npm test` builds it before the e2e step. */
export default function globalSetup(): void {
  const index = resolve(import.meta.dirname, '../../../out/renderer/index.html')
  if (!existsSync(index)) {
    throw new Error('out/renderer is missing: run `npm run build:app` before the e2e tests')
  }
}
