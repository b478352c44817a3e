/** Durable files against the real file system in a temp dir (no mocks of fs). */
import {
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
  type FileHandle
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { openJournalFiles } from '@main/services/journal-file'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const text = (data: Uint8Array): string => new TextDecoder().decode(data)

let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atiende-journal-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

type SyncMethods = Pick<FileHandle, 'sync' | 'datasync'>

function hasSyncMethods(value: unknown): value is SyncMethods {
  return typeof value === 'object' && value !== null && 'sync' in value && 'datasync' in value
}

/** The shared FileHandle prototype, so spies see the service's own handles. */
async function fileHandlePrototype(): Promise<SyncMethods> {
  const probe = await open(join(dir, 'probe'), 'w')
  await probe.close()
  await rm(join(dir, 'probe'))
  const proto: unknown = Object.getPrototypeOf(probe)
  if (!hasSyncMethods(proto)) throw new Error('no FileHandle prototype')
  return proto
}

describe('openJournalFiles', () => {
  it('creates its directory, private to the user', async () => {
    const storeDir = join(dir, 'nested', 'store')
    await openJournalFiles(storeDir)
    const info = await stat(storeDir)
    expect(info.isDirectory()).toBe(true)
    if (process.platform !== 'win32') expect(info.mode & 0o077).toBe(0)
  })

  it('deletes temp files left by a crash during replace, keeping the old content', async () => {
    await writeFile(join(dir, 'snapshot'), 'old')
    await writeFile(join(dir, '.tmp-snapshot.abc123'), 'half-writ')
    const files = await openJournalFiles(dir)
    expect(await readdir(dir)).toEqual(['snapshot'])
    expect(text(await files.read('snapshot'))).toBe('old')
  })
})

describe('append', () => {
  it('appends and returns the size, and fdatasyncs before resolving', async () => {
    const proto = await fileHandlePrototype()
    const datasync = vi.spyOn(proto, 'datasync')
    const files = await openJournalFiles(dir)
    expect(await files.append('journal-1', bytes('a\n'))).toBe(2)
    expect(datasync).toHaveBeenCalledTimes(1)
    expect(await files.append('journal-1', bytes('bc\n'))).toBe(5)
    expect(datasync).toHaveBeenCalledTimes(2)
    expect(await readFile(join(dir, 'journal-1'), 'utf8')).toBe('a\nbc\n')
  })

  it('fsyncs the directory when the append creates the file', async () => {
    const proto = await fileHandlePrototype()
    const sync = vi.spyOn(proto, 'sync')
    const files = await openJournalFiles(dir)
    await files.append('journal-1', bytes('a'))
    const afterCreate = sync.mock.calls.length
    await files.append('journal-1', bytes('b'))
    if (process.platform !== 'win32') expect(afterCreate).toBe(1)
    expect(sync.mock.calls.length).toBe(afterCreate)
  })

  it('never interleaves concurrent appends to one file', async () => {
    const files = await openJournalFiles(dir)
    const records = Array.from(
      { length: 100 },
      (_, i) => `${String(i).padStart(3, '0')}:${'x'.repeat(i * 37)}\n`
    )
    await Promise.all(records.map((record) => files.append('journal', bytes(record))))
    const lines = text(await files.read('journal'))
      .split('\n')
      .filter((l) => l !== '')
    expect(lines.sort()).toEqual(records.map((r) => r.trimEnd()).sort())
  })
})

describe('read', () => {
  it('reads a missing file as empty', async () => {
    const files = await openJournalFiles(dir)
    const data = await files.read('never-written')
    expect(data).toBeInstanceOf(Uint8Array)
    expect(data.byteLength).toBe(0)
  })

  it('reads exactly what was written, including binary data', async () => {
    const files = await openJournalFiles(dir)
    const data = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    await files.replace('snapshot.bin', data)
    expect(await files.read('snapshot.bin')).toEqual(data)
  })
})

describe('replace', () => {
  it('replaces atomically: temp file, fsync, rename, fsync of the directory', async () => {
    const proto = await fileHandlePrototype()
    const sync = vi.spyOn(proto, 'sync')
    const files = await openJournalFiles(dir)
    await files.replace('snapshot', bytes('first version'))
    expect(await files.replace('snapshot', bytes('second'))).toBe(6)
    expect(text(await files.read('snapshot'))).toBe('second')
    expect(await readdir(dir)).toEqual(['snapshot'])
    expect(sync.mock.calls.length).toBe(process.platform === 'win32' ? 2 : 4)
  })

  it('leaves the old content whole when a replace fails', async () => {
    const proto = await fileHandlePrototype()
    const files = await openJournalFiles(dir)
    await files.replace('snapshot', bytes('old'))
    vi.spyOn(proto, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }))
    await expect(files.replace('snapshot', bytes('new'))).rejects.toThrow('EIO')
    expect(text(await files.read('snapshot'))).toBe('old')
    expect(await readdir(dir)).toEqual(['snapshot'])
  })

  it('keeps an append and a replace of one file in call order', async () => {
    const files = await openJournalFiles(dir)
    await Promise.all([
      files.append('j', bytes('1')),
      files.replace('j', bytes('R')),
      files.append('j', bytes('2'))
    ])
    expect(text(await files.read('j'))).toBe('R2')
  })
})

describe('remove and list', () => {
  it('removes a file and says whether it existed', async () => {
    const files = await openJournalFiles(dir)
    await files.append('journal-1', bytes('a'))
    expect(await files.remove('journal-1')).toBe(true)
    expect(await files.remove('journal-1')).toBe(false)
    expect((await files.read('journal-1')).byteLength).toBe(0)
  })

  it('lists by prefix, sorted, without temp or foreign files', async () => {
    const files = await openJournalFiles(dir)
    await files.append('journal-0002', bytes('b'))
    await files.append('journal-0001', bytes('a'))
    await files.replace('snapshot-0001', bytes('s'))
    await writeFile(join(dir, '.tmp-journal-0003.ffff'), 'partial')
    expect(await files.list('journal-')).toEqual(['journal-0001', 'journal-0002'])
    expect(await files.list('')).toEqual(['journal-0001', 'journal-0002', 'snapshot-0001'])
    expect(await files.list('nothing')).toEqual([])
  })
})

describe('name guard', () => {
  it.each(['../escape', 'a/b', '..', '.hidden', '', 'a\\b', 'a..b'])('refuses %j', async (name) => {
    const files = await openJournalFiles(dir)
    await expect(files.append(name, bytes('x'))).rejects.toThrow(/invalid durable file name/)
    await expect(files.read(name)).rejects.toThrow(/invalid durable file name/)
  })
})
