/// <reference lib="webworker.asynciterable" />
/**
 * DurableFiles on the Origin Private File System, for the browser edition. Sync access handles
 * exist only in a dedicated worker; `flush()` is a real fdatasync. Journal handles stay open
 * between appends; a handle is closed before `move()` or `removeEntry()`, which fail on open files.
 */
import type { DurableFiles } from './durable-files'

const TEMP_SUFFIX = '.tmp'

/** `move()` is in Chromium but not yet in TypeScript's lib. */
interface MovableFileHandle extends FileSystemFileHandle {
  move(destination: FileSystemDirectoryHandle, name: string): Promise<void>
}

function isMovable(handle: FileSystemFileHandle): handle is MovableFileHandle {
  return 'move' in handle && typeof handle.move === 'function'
}

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError'
}

export class OpfsDurableFiles implements DurableFiles {
  private readonly handles = new Map<string, FileSystemSyncAccessHandle>()

  private constructor(private readonly dir: FileSystemDirectoryHandle) {}

  /** Opens the origin's private directory. */
  static async open(): Promise<OpfsDurableFiles> {
    return new OpfsDurableFiles(await navigator.storage.getDirectory())
  }

  async append(file: string, bytes: Uint8Array): Promise<void> {
    const handle = await this.syncHandle(file)
    const written = handle.write(bytes, { at: handle.getSize() })
    if (written !== bytes.byteLength) throw new Error(`short write to ${file}`)
    handle.flush()
  }

  async read(file: string): Promise<Uint8Array> {
    const open = this.handles.get(file)
    if (open) return readAll(open)
    try {
      const handle = await (await this.dir.getFileHandle(file)).createSyncAccessHandle()
      try {
        return readAll(handle)
      } finally {
        handle.close()
      }
    } catch (error) {
      if (isNotFound(error)) return new Uint8Array()
      throw error
    }
  }

  /** Temp file, flush, close, then `move()` over the target: readers see old or new bytes. */
  async replace(file: string, bytes: Uint8Array): Promise<void> {
    const tempName = file + TEMP_SUFFIX
    const temp = await this.dir.getFileHandle(tempName, { create: true })
    const access = await temp.createSyncAccessHandle()
    try {
      access.truncate(0)
      access.write(bytes, { at: 0 })
      access.flush()
    } finally {
      access.close()
    }
    this.closeHandle(file)
    if (!isMovable(temp)) throw new Error('this browser cannot move OPFS files atomically')
    await temp.move(this.dir, file)
  }

  async remove(file: string): Promise<void> {
    this.closeHandle(file)
    try {
      await this.dir.removeEntry(file)
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
  }

  async list(prefix: string): Promise<string[]> {
    const names: string[] = []
    for await (const name of this.dir.keys()) {
      if (name.startsWith(prefix) && !name.endsWith(TEMP_SUFFIX)) names.push(name)
    }
    return names
  }

  close(): Promise<void> {
    for (const file of [...this.handles.keys()]) this.closeHandle(file)
    return Promise.resolve()
  }

  private async syncHandle(file: string): Promise<FileSystemSyncAccessHandle> {
    const open = this.handles.get(file)
    if (open) return open
    const fileHandle = await this.dir.getFileHandle(file, { create: true })
    const handle = await fileHandle.createSyncAccessHandle()
    this.handles.set(file, handle)
    return handle
  }

  private closeHandle(file: string): void {
    this.handles.get(file)?.close()
    this.handles.delete(file)
  }
}

function readAll(handle: FileSystemSyncAccessHandle): Uint8Array {
  const bytes = new Uint8Array(handle.getSize())
  handle.read(bytes, { at: 0 })
  return bytes
}
