/**
 * The wire contract's fingerprint. A unit test fails when what crosses the wire changed without a
 * bump of PROTOCOL_VERSION; this script records the fingerprint of a NEW version and refuses to
 * overwrite a recorded one.
 *
 * What is hashed: every top-level declaration of `src/shared/sync/**` and of every module of
 * `src/shared` they import (relative or `@shared/…`), transitively — as their tokens (no layout, no
 * comments, no `export`), imports left out, then sorted. So moving a declaration to another file,
 * renaming a file, switching an import to an alias, reformatting or rewording a comment leave it
 * unchanged, while any change to a schema, a refinement, a constant or a helper a schema calls
 * changes it.
 *
 * Why not the JSON Schema of the wire schemas: it does not see what zod runs beyond structure
 * (`.refine`, `.overwrite`: the text rule, identifier checks), and those change what a server
 * accepts as surely as a new field.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

import ts from 'typescript'

import { PROTOCOL_VERSION } from '@shared/sync/protocol'

const repositoryRoot = resolve(import.meta.dirname, '..')
export const fingerprintFile = join(repositoryRoot, 'src/shared/sync/protocol-fingerprints.json')
/**
 * Named in the recorded file: fingerprints of another algorithm are not comparable (the first one
 * hashed file paths and whole texts), so the record restarts at the version current when it changed.
 */
const ALGORITHM = 'declarations-v2'

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The file an import specifier names inside `src/shared`, or null when it leaves it. */
function resolveShared(root: string, from: string, specifier: string): string | null {
  const shared = join(root, 'src/shared')
  let base: string
  if (specifier.startsWith('@shared/')) base = join(shared, specifier.slice('@shared/'.length))
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier)
  else return null
  const candidates = [base, `${base}.ts`, join(base, 'index.ts')]
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile())
  return found !== undefined && found.startsWith(shared) && found.endsWith('.ts') ? found : null
}

/**
 * A declaration's tokens joined by single spaces: layout and comments drop out, string and
 * template contents stay whole. `export` and `default` go too: whether a file exports a
 * declaration changes with moves, never on the wire.
 */
function normalisedTokens(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text)
  const tokens: string[] = []
  // For each open brace: does it close a template's `${`? Then the template goes on after it.
  const braces: boolean[] = []
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) braces.push(false)
    else if (kind === ts.SyntaxKind.TemplateHead) braces.push(true)
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false)
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push(true)
    }
    tokens.push(scanner.getTokenText())
  }
  while (tokens[0] === 'export' || tokens[0] === 'default') tokens.shift()
  return tokens.join(' ')
}

/** One module's declarations as normalised text, and the modules it imports. */
function readModule(root: string, path: string): { declarations: string[]; imports: string[] } {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest)
  const declarations: string[] = []
  const imports: string[] = []
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null
    if (specifier !== null) {
      const target = resolveShared(root, path, specifier)
      if (target !== null) imports.push(target)
    }
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue
    declarations.push(normalisedTokens(statement.getText(source)))
  }
  return { declarations, imports }
}

/** The wire's declarations, reached from `src/shared/sync` under `root`. */
export function wireDeclarations(root = repositoryRoot): string[] {
  const seen = new Set<string>()
  const queue = tsFiles(join(root, 'src/shared/sync'))
  const declarations: string[] = []
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue
    seen.add(path)
    const module = readModule(root, path)
    declarations.push(...module.declarations)
    queue.push(...module.imports)
  }
  return declarations.sort()
}

export function contractFingerprint(root = repositoryRoot): string {
  const hash = createHash('sha256')
  hash.update(ALGORITHM)
  for (const declaration of wireDeclarations(root)) hash.update(`\0${declaration}`)
  return hash.digest('hex')
}

export function recordedFingerprints(): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(fingerprintFile, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null || !('versions' in parsed)) return {}
  const versions: unknown = parsed.versions
  if (typeof versions !== 'object' || versions === null) return {}
  return Object.fromEntries(
    Object.entries(versions).filter((e): e is [string, string] => typeof e[1] === 'string')
  )
}

function record(versions: Record<string, string>): void {
  const body = { algorithm: ALGORITHM, versions }
  writeFileSync(fingerprintFile, `${JSON.stringify(body, null, 2)}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const recorded = recordedFingerprints()
  const current = contractFingerprint()
  const key = String(PROTOCOL_VERSION)
  if (recorded[key] === current) {
    process.stdout.write(`protocol ${key}: fingerprint unchanged\n`)
  } else if (recorded[key] !== undefined) {
    process.stderr.write(
      `protocol ${key} is already recorded with another fingerprint: bump PROTOCOL_VERSION in src/shared/sync/protocol.ts first\n`
    )
    process.exit(1)
  } else {
    record({ ...recorded, [key]: current })
    process.stdout.write(`protocol ${key}: recorded ${current}\n`)
  }
}
