import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { contractFingerprint, recordedFingerprints } from '@scripts/protocol-fingerprint'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'

describe('the wire contract', () => {
  it('has not changed without a bump of PROTOCOL_VERSION', () => {
    const recorded = recordedFingerprints()[String(PROTOCOL_VERSION)]
    // On failure: bump PROTOCOL_VERSION, then run `npm run protocol:fingerprint`.
    expect(
      contractFingerprint(),
      'src/shared/sync or what it imports changed: bump PROTOCOL_VERSION'
    ).toBe(recorded)
  })
})

describe('the wire fingerprint', () => {
  const roots: string[] = []
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })

  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'atiende-fingerprint-'))
    roots.push(root)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return root
  }

  const before = {
    'src/shared/sync/protocol.ts': [
      "import { z } from 'zod'",
      "import { noteSchema } from '../domain/note'",
      '/** The push body. */',
      'export const pushSchema = z.object({ notes: z.array(noteSchema) })'
    ].join('\n'),
    'src/shared/domain/note.ts': [
      "import { z } from 'zod'",
      "import { clean } from './clean'",
      'export const noteSchema = z.string().max(200).overwrite(clean)'
    ].join('\n'),
    'src/shared/domain/clean.ts': 'export function clean(text: string) { return text.trim() }\n',
    'src/shared/domain/unrelated.ts': 'export const unrelated = 1\n'
  }

  it('survives moving declarations between files, aliases, comments and formatting', () => {
    const moved = tree({
      'src/shared/sync/protocol.ts': [
        "import { z } from 'zod'",
        "import { noteSchema } from '@shared/notes/schemas'",
        '// Reworded comment.',
        'export const pushSchema = z.object({',
        '  notes: z.array(noteSchema)',
        '})'
      ].join('\n'),
      'src/shared/notes/schemas.ts': [
        "import { z } from 'zod'",
        'function clean(text: string) { return text.trim() }',
        'export const noteSchema = z.string().max(200).overwrite(clean)'
      ].join('\n')
    })
    expect(contractFingerprint(moved)).toBe(contractFingerprint(tree(before)))
  })

  it('follows what the wire imports, and only that', () => {
    const original = contractFingerprint(tree(before))
    const refinement = tree({
      ...before,
      'src/shared/domain/clean.ts': 'export function clean(text: string) { return text }\n'
    })
    const limit = tree({
      ...before,
      'src/shared/domain/note.ts': before['src/shared/domain/note.ts'].replace('200', '300')
    })
    const outside = tree({
      ...before,
      'src/shared/domain/unrelated.ts': 'export const unrelated = 2\n'
    })
    expect(contractFingerprint(refinement)).not.toBe(original)
    expect(contractFingerprint(limit)).not.toBe(original)
    expect(contractFingerprint(outside)).toBe(original)
  })
})
