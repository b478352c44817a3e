import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { pathAliases, viteAliases } from '@scripts/config/path-aliases'

const root = resolve(import.meta.dirname, '../../..')

function tsconfigPaths(): Record<string, string[]> {
  const config = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> }
  }
  return config.compilerOptions.paths
}

describe('path aliases', () => {
  it('tsconfig (tsc, tsx, Playwright) and the Vite table (electron-vite, vitest) agree', () => {
    const expected = Object.fromEntries(
      Object.entries(pathAliases).map(([alias, dir]) => [`${alias}/*`, [`./${dir}/*`]])
    )
    expect(tsconfigPaths()).toEqual(expected)
  })

  it('resolves every alias to a folder under the root given', () => {
    expect(viteAliases('/repo')).toMatchObject({ '@shared': '/repo/src/shared' })
  })
})
