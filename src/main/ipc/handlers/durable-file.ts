/** IPC handlers for durable files (journal and snapshots of the local store). */
import { appError } from '@shared/contract/errors'
import type { JournalFiles } from '../../services/journal-file'
import { IpcFailure, type IpcImpls } from '../handle'

type DurableChannels =
  'durable:append' | 'durable:read' | 'durable:replace' | 'durable:remove' | 'durable:list'

async function storageCall<T>(operation: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    // The renderer must know the write was not durable; the errno is enough to act on.
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown'
    throw new IpcFailure(appError('storage_failure', `${operation} failed`, { errno: code }))
  }
}

/** Durable-file channels backed by a {@link JournalFiles} directory. */
export function durableFileImpls(files: JournalFiles): Pick<IpcImpls, DurableChannels> {
  return {
    'durable:append': async ({ file, data }) => ({
      size: await storageCall('append', () => files.append(file, data))
    }),
    'durable:read': async ({ file }) => ({
      data: await storageCall('read', () => files.read(file))
    }),
    'durable:replace': async ({ file, data }) => ({
      size: await storageCall('replace', () => files.replace(file, data))
    }),
    'durable:remove': async ({ file }) => ({
      removed: await storageCall('remove', () => files.remove(file))
    }),
    'durable:list': async ({ prefix }) => ({
      files: await storageCall('list', () => files.list(prefix))
    })
  }
}
