/**
 * The house rules of issue #15 that no linter states on its own: small files, no import climbing
 * the tree (aliases exist for that), and a public face for every feature.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const MAX_LINES = 400
const MAX_CLIMB = 3

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

const importSpecifier = /(?:\bfrom|\bimport|\bvi\.mock)\s*\(?\s*'([^']+)'/g

describe('the house rules', () => {
  it(`no source file in src/ or scripts/ is over ${MAX_LINES} lines`, () => {
    const long = [...sourceFiles('src'), ...sourceFiles('scripts')].flatMap((path) => {
      const lines = readFileSync(join(root, path), 'utf8').split('\n').length
      return lines > MAX_LINES ? [`${path}: ${lines}`] : []
    })
    expect(long).toEqual([])
  })

  it(`no import climbs more than ${MAX_CLIMB} folders`, () => {
    const climbing = ['src', 'scripts', 'test'].flatMap(sourceFiles).flatMap((path) =>
      [...readFileSync(join(root, path), 'utf8').matchAll(importSpecifier)].flatMap((match) => {
        const specifier = match[1] ?? ''
        const climbs = specifier.split('/').filter((part) => part === '..').length
        return climbs > MAX_CLIMB ? [`${path}: ${specifier}`] : []
      })
    )
    expect(climbing).toEqual([])
  })

  it('every feature has an index.ts, the only door other features and the shell use', () => {
    const features = join(root, 'src/renderer/src/features')
    const withoutIndex = readdirSync(features, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !existsSync(join(features, entry.name, 'index.ts')))
      .map((entry) => entry.name)
    expect(withoutIndex).toEqual([])
  })
})
