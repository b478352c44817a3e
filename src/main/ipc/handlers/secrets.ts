/** IPC handlers for secrets kept with safeStorage. */
import { appError } from '@shared/contract/errors'
import type { Logger } from '../../logger'
import {
  isPlainTextBackend,
  SecretsUnavailableError,
  type SafeStorageLike,
  type SecretStore
} from '../../services/secret-store'
import { IpcFailure, type IpcImpls } from '../handle'

async function secretCall<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    if (error instanceof SecretsUnavailableError) {
      throw new IpcFailure(appError('unavailable', 'secure storage is not available'))
    }
    throw new IpcFailure(appError('storage_failure', 'secret storage failed'))
  }
}

/** Secret channels backed by a {@link SecretStore}. Values are never logged. */
export function secretsImpls(
  store: SecretStore
): Pick<IpcImpls, 'secrets:set' | 'secrets:get' | 'secrets:delete'> {
  return {
    'secrets:set': async ({ key, value }) => {
      await secretCall(() => store.set(key, value))
      return { stored: true }
    },
    'secrets:get': async ({ key }) => ({ value: await secretCall(() => store.get(key)) }),
    'secrets:delete': async ({ key }) => ({ deleted: await secretCall(() => store.delete(key)) })
  }
}

/** Logs a warning when secrets would only be obfuscated (Linux without a keyring). */
export function warnIfPlainTextSecrets(
  storage: SafeStorageLike,
  platform: string,
  log: Logger
): boolean {
  const isPlain = isPlainTextBackend(storage, platform)
  if (isPlain) {
    log.warn(
      'Secure storage is not available on this system (no keyring): secrets are stored with a ' +
        'hardcoded key, effectively in plain text. Install and unlock a keyring (libsecret/KWallet).'
    )
  }
  return isPlain
}
