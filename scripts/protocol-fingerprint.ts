/**
 * The wire contract's fingerprint: a hash of `src/shared/sync/**`, `src/shared/contract/**` and
 * every module they import from `src/shared` (the domain schemas they put on the wire), followed
 * through relative imports. A unit test fails when the contract changed without a bump of PROTOCOL_VERSION; this script
 * records the fingerprint of a NEW version and refuses to overwrite a recorded one.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

import { PROTOCOL_VERSION } from '@shared/sync/protocol'

const root = resolve(import.meta.dirname, '..')
export const fingerprintFile = join(root, 'src/shared/sync/protocol-fingerprints.json')
const contractDirs = ['src/shared/sync', 'src/shared/contract']

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const sharedRoot = join(root, 'src/shared')
const relativeImport = /(?:from|import)\s+'(\.{1,2}\/[^']+)'/g

/** The contract's files plus what they import from src/shared, transitively. */
export function contractFiles(): string[] {
  const seen = new Set<string>()
  const queue = contractDirs.flatMap((d) => files(join(root, d)))
  while (queue.length > 0) {
    const path = queue.pop()
    if (path === undefined || seen.has(path)) continue
    seen.add(path)
    for (const match of readFileSync(path, 'utf8').matchAll(relativeImport)) {
      const spec = match[1]
      if (spec === undefined) continue
      const target = resolve(dirname(path), spec.endsWith('.ts') ? spec : `${spec}.ts`)
      if (target.startsWith(sharedRoot) && existsSync(target)) queue.push(target)
    }
  }
  return [...seen].sort()
}

export function contractFingerprint(): string {
  const hash = createHash('sha256')
  const all = contractFiles()
  for (const path of all) {
    hash.update(relative(root, path))
    hash.update('\0')
    hash.update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'))
    hash.update('\0')
  }
  return hash.digest('hex')
}

export function recordedFingerprints(): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(fingerprintFile, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null) return {}
  return Object.fromEntries(
    Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')
  )
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
    writeFileSync(fingerprintFile, `${JSON.stringify({ ...recorded, [key]: current }, null, 2)}\n`)
    process.stdout.write(`protocol ${key}: recorded ${current}\n`)
  }
}
