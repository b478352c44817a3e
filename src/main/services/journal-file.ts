/**
 * Durable files for the local store (journal, snapshots) in one flat directory. Plain Node fs
 * only: appends are fdatasync'ed before they resolve, replacements are atomic
 * (temp file, fsync, rename, fsync of the directory), and operations on one file never overlap.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'

// Temp files start with '.', which no valid durable name can, so they are never listed or opened.
const TEMP_PREFIX = '.tmp-'
const FLAT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export interface JournalFiles {
  /** Appends and fdatasyncs; resolves with the file size afterwards. */
  append(name: string, data: Uint8Array): Promise<number>
  /** Reads the whole file; a missing file reads as empty. */
  read(name: string): Promise<Uint8Array<ArrayBuffer>>
  /** Atomically replaces the file's content; resolves with the new size. */
  replace(name: string, data: Uint8Array): Promise<number>
  /** Deletes the file; resolves with whether it existed. */
  remove(name: string): Promise<boolean>
  /** Sorted names starting with `prefix` (temp files excluded). */
  list(prefix: string): Promise<string[]>
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}

/** fsyncs a directory so a created, renamed or deleted entry survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals metadata itself.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function writeAll(handle: Awaited<ReturnType<typeof open>>, data: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < data.byteLength) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset)
    offset += bytesWritten
  }
}

function isFlatName(name: string): boolean {
  // The IPC contract already validated the name; this keeps the service safe on its own.
  return FLAT_NAME.test(name) && !name.includes('..')
}

async function appendFile(dir: string, name: string, data: Uint8Array): Promise<number> {
  const path = join(dir, name)
  let isNew = true
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'ax', 0o600)
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error
    isNew = false
    handle = await open(path, 'a', 0o600)
  }
  try {
    await writeAll(handle, data)
    await handle.datasync()
    const { size } = await handle.stat()
    if (isNew) await syncDirectory(dir)
    return size
  } finally {
    await handle.close()
  }
}

async function replaceFile(dir: string, name: string, data: Uint8Array): Promise<number> {
  const temp = join(dir, `${TEMP_PREFIX}${name}.${randomBytes(6).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await writeAll(handle, data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  await rename(temp, join(dir, name))
  await syncDirectory(dir)
  return data.byteLength
}

/** Reads into a buffer we allocate, so the bytes own a plain ArrayBuffer (no extra copy). */
async function readWhole(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const out = new Uint8Array(size)
    let offset = 0
    while (offset < size) {
      const { bytesRead } = await handle.read(out, offset, size - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return offset === size ? out : out.slice(0, offset)
  } finally {
    await handle.close()
  }
}

async function readOrEmpty(path: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await readWhole(path)
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return new Uint8Array(0)
    throw error
  }
}

async function removeFile(dir: string, name: string): Promise<boolean> {
  try {
    await unlink(join(dir, name))
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false
    throw error
  }
  await syncDirectory(dir)
  return true
}

/**
 * Opens (creating if needed) a directory of durable files. Leftover temp files from a crash
 * during `replace` are deleted: the rename never happened, so the old content is still whole.
 */
export async function openJournalFiles(dir: string): Promise<JournalFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(TEMP_PREFIX)) await rm(join(dir, entry), { force: true })
  }
  const queues = new Map<string, Promise<unknown>>()
  // Per-file serialisation: an append racing a replace must not interleave with it.
  const serial = <T>(name: string, task: () => Promise<T>): Promise<T> => {
    if (!isFlatName(name)) return Promise.reject(new Error('invalid durable file name'))
    const previous = queues.get(name) ?? Promise.resolve()
    const next = previous.then(task, task)
    const tail = next.catch(() => undefined)
    queues.set(name, tail)
    void tail.then(() => {
      if (queues.get(name) === tail) queues.delete(name)
    })
    return next
  }
  return {
    append: (name, data) => serial(name, () => appendFile(dir, name, data)),
    read: (name) => serial(name, () => readOrEmpty(join(dir, name))),
    replace: (name, data) => serial(name, () => replaceFile(dir, name, data)),
    remove: (name) => serial(name, () => removeFile(dir, name)),
    list: async (prefix) =>
      (await readdir(dir)).filter((n) => n.startsWith(prefix) && FLAT_NAME.test(n)).sort()
  }
}
