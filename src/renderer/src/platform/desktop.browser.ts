/**
 * Browser-edition fallbacks for the desktop API: async OPFS files (writables commit atomically
 * on close) for durable files and secrets, Web Notifications.
 */
import type { DesktopApi } from '@shared/contract/desktop-api'
import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'

const SECRET_PREFIX = 'secret-'

async function storeDir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory()
  return root.getDirectoryHandle('desktop-files', { create: true })
}

async function readFile(name: string): Promise<Uint8Array> {
  try {
    const handle = await (await storeDir()).getFileHandle(name)
    return new Uint8Array(await (await handle.getFile()).arrayBuffer())
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return new Uint8Array()
    throw error
  }
}

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return fail(appError('storage_failure', message))
  }
}

async function writeFile(name: string, data: Uint8Array, append: boolean): Promise<number> {
  const handle = await (await storeDir()).getFileHandle(name, { create: true })
  const writable = await handle.createWritable({ keepExistingData: append })
  const size = append ? (await handle.getFile()).size : 0
  await writable.seek(size)
  await writable.write(new Uint8Array(data))
  await writable.close()
  return size + data.byteLength
}

export const browserDesktop: DesktopApi = {
  appendDurable: ({ file, data }) =>
    attempt(async () => ({ size: await writeFile(file, data, true) })),
  readDurable: ({ file }) => attempt(async () => ({ data: await readFile(file) })),
  replaceDurable: ({ file, data }) =>
    attempt(async () => ({ size: await writeFile(file, data, false) })),
  removeDurable: ({ file }) =>
    attempt(async () => {
      try {
        await (await storeDir()).removeEntry(file)
        return { removed: true }
      } catch {
        return { removed: false }
      }
    }),
  listDurable: ({ prefix }) =>
    attempt(async () => {
      const files: string[] = []
      for await (const name of (await storeDir()).keys()) {
        if (name.startsWith(prefix)) files.push(name)
      }
      return { files: files.sort() }
    }),
  // Secrets live in OPFS, not localStorage: Chromium commits localStorage lazily, so a crash
  // right after login would forget the session, while an OPFS write is on disk once closed.
  setSecret: ({ key, value }) =>
    attempt(async () => {
      await writeFile(SECRET_PREFIX + key, new TextEncoder().encode(value), false)
      return { stored: true as const }
    }),
  getSecret: ({ key }) =>
    attempt(async () => {
      const bytes = await readFile(SECRET_PREFIX + key)
      return { value: bytes.byteLength === 0 ? null : new TextDecoder().decode(bytes) }
    }),
  deleteSecret: ({ key }) =>
    attempt(async () => {
      try {
        await (await storeDir()).removeEntry(SECRET_PREFIX + key)
        return { deleted: true }
      } catch {
        return { deleted: false }
      }
    }),
  showNotification: ({ title, body, focusOnClick }) =>
    attempt(async () => {
      if (!('Notification' in window)) return { shown: false }
      const permission =
        Notification.permission === 'default'
          ? await Notification.requestPermission()
          : Notification.permission
      if (permission !== 'granted') return { shown: false }
      const notification = new Notification(title, { body })
      if (focusOnClick) {
        notification.onclick = () => {
          window.focus()
        }
      }
      return { shown: true }
    }),
  appInfo: () => Promise.resolve(ok({ version: __APP_VERSION__, platform: 'browser' as const })),
  onDialRequest: () => () => {
    // A browser tab cannot own tel:/sip: links, so there is never anything to unsubscribe.
  },
  onCallShortcut: () => () => {
    // A browser tab gets keys only while focused: the in-page Alt shortcuts cover it.
  }
}
