/**
 * The renderer's build treats every feature's index.ts as free of side effects
 * (electron.vite.config.ts), so a split workspace's components leave the agent desk's start
 * bundle. That holds only while an index does nothing but re-export: this keeps it so.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const features = resolve(import.meta.dirname, '../../../src/renderer/src/features')

/** What is left of an index once comments and re-exports are taken out. */
function besidesReExports(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/export\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s+from\s+'[^']+'\s*;?/g, '')
    .trim()
}

describe('feature index files', () => {
  it('only re-export (nothing runs when one is imported)', () => {
    const others = readdirSync(features, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        const rest = besidesReExports(readFileSync(join(features, entry.name, 'index.ts'), 'utf8'))
        return rest === '' ? [] : [`${entry.name}/index.ts: ${rest.slice(0, 80)}`]
      })
    expect(others).toEqual([])
  })

  it('tell a re-export from anything else', () => {
    expect(besidesReExports("export { A, type B } from './a'\nexport * from './b'\n")).toBe('')
    expect(besidesReExports("import './styles.css'\nexport { A } from './a'")).toBe(
      "import './styles.css'"
    )
  })
})
