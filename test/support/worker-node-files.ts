/// <reference types="node" />
/**
 * The local store's DurableFiles on real disk for tests under Node: appends are fdatasync'ed,
 * replace is temp file + fsync + rename + directory fsync. No mocks: the bytes hit the disk.
 */
import { mkdtemp, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { DurableFiles } from '@renderer/workers/data/store/durable-files'

const TEMP_SUFFIX = '.tmp'

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}

/** DurableFiles over a directory; journal handles stay open between appends, like OPFS. */
export class NodeDurableFiles implements DurableFiles {
  private readonly handles = new Map<string, FileHandle>()

  constructor(readonly dir: string) {}

  async append(file: string, bytes: Uint8Array): Promise<void> {
    let handle = this.handles.get(file)
    if (!handle) {
      handle = await open(join(this.dir, file), 'a')
      this.handles.set(file, handle)
    }
    await handle.write(bytes)
    await handle.datasync()
  }

  async read(file: string): Promise<Uint8Array> {
    try {
      // A view of the Buffer, not a copy: like the desktop edition, which hands the bytes over.
      const data = await readFile(join(this.dir, file))
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    } catch (error) {
      if (isMissing(error)) return new Uint8Array()
      throw error
    }
  }

  async replace(file: string, bytes: Uint8Array): Promise<void> {
    const temp = join(this.dir, file + TEMP_SUFFIX)
    const handle = await open(temp, 'w')
    try {
      await handle.write(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await this.closeHandle(file)
    await rename(temp, join(this.dir, file))
    await this.syncDir()
  }

  async remove(file: string): Promise<void> {
    await this.closeHandle(file)
    await rm(join(this.dir, file), { force: true })
  }

  async list(prefix: string): Promise<string[]> {
    const names = await readdir(this.dir)
    return names.filter((n) => n.startsWith(prefix) && !n.endsWith(TEMP_SUFFIX))
  }

  async close(): Promise<void> {
    for (const file of [...this.handles.keys()]) await this.closeHandle(file)
  }

  private async closeHandle(file: string): Promise<void> {
    const handle = this.handles.get(file)
    this.handles.delete(file)
    await handle?.close()
  }

  private async syncDir(): Promise<void> {
    const dir = await open(this.dir, 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  }
}

/** A fresh temporary directory for one test's store. */
export async function makeStoreDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'atiende-store-'))
}

export async function removeStoreDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
