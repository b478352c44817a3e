/**
 * Each file in test/lint-fixtures breaks one boundary rule of eslint.config.js and must fail
 * lint: a rule that stopped biting (a pattern typo, an alias it no longer sees) fails here. Each
 * fixture names, in its header, the path it is linted as and the rule expected to refuse it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const fixtureDir = resolve(root, 'test/lint-fixtures')

interface Fixture {
  file: string
  text: string
  lintAs: string
  rule: string
}

function header(file: string, text: string, key: string): string {
  const value = new RegExp(`^// ${key}: (.+)$`, 'm').exec(text)?.[1]?.trim()
  if (!value) throw new Error(`${file} has no "// ${key}:" header`)
  return value
}

const fixtures: Fixture[] = readdirSync(fixtureDir)
  .filter((file) => /\.tsx?$/.test(file))
  .sort()
  .map((file) => {
    const text = readFileSync(resolve(fixtureDir, file), 'utf8')
    return { file, text, lintAs: header(file, text, 'lint-as'), rule: header(file, text, 'expect') }
  })

// The virtual paths are in no tsconfig's file list, so the type-aware parser would refuse them;
// the boundary rules read import strings and syntax only, so type information is left out.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function errorsOf(text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath, warnIgnored: true })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message)
}

const LINT_TIMEOUT_MS = 120_000

describe('lint fixtures', () => {
  it('are there, one per boundary rule', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14)
  })

  it.each(fixtures)(
    '$file is refused by $rule',
    async ({ text, lintAs, rule }) => {
      expect(await errorsOf(text, lintAs)).toContain(rule)
    },
    LINT_TIMEOUT_MS
  )

  it.each([
    ['a feature from its index', 'src/renderer/src/features/search/example.ts', '../softphone'],
    ['a feature from its index, by alias', 'src/renderer/src/app/x.ts', '@renderer/features/team'],
    ["a feature's own files", 'src/renderer/src/features/search/components/X.tsx', '../commands'],
    [
      "the features' store slices, from the store",
      'src/renderer/src/stores/x.ts',
      '../features/auth/store'
    ],
    [
      'the data client, from a feature',
      'src/renderer/src/features/search/x.ts',
      '@renderer/data/data-client'
    ],
    ['the worker, from the worker', 'src/renderer/src/workers/data/x.ts', './local-store']
  ])(
    'let the UI import %s',
    async (_what, lintAs, specifier) => {
      const text = `import * as allowed from '${specifier}'\n\nexport const used = allowed\n`
      expect(await errorsOf(text, lintAs)).not.toContain('no-restricted-imports')
    },
    LINT_TIMEOUT_MS
  )
})
