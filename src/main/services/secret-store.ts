/**
 * Secrets (refresh token, SIP password) encrypted with the OS keychain via safeStorage and kept
 * as one file per key. Plain Node plus an injected cipher, so it is testable without Electron.
 */
import { createLogger, type Logger } from '../logger'

import type { JournalFiles } from './journal-file'

/** The subset of Electron's safeStorage we use; the sync methods are the fallback for old builds. */
export interface SafeStorageLike {
  encryptStringAsync?: (plainText: string) => Promise<Buffer>
  decryptStringAsync?: (encrypted: Buffer) => Promise<{ result: string; shouldReEncrypt: boolean }>
  isAsyncEncryptionAvailable?: () => Promise<boolean>
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?: () => string
}

export interface SecretCipher {
  isAvailable(): Promise<boolean>
  encrypt(plainText: string): Promise<Uint8Array>
  decrypt(encrypted: Uint8Array): Promise<{ value: string; shouldReEncrypt: boolean }>
}

/** Wraps safeStorage, preferring the async API (the sync one is deprecated and going away). */
export function cipherFromSafeStorage(storage: SafeStorageLike): SecretCipher {
  return {
    isAvailable: async () =>
      storage.isAsyncEncryptionAvailable
        ? storage.isAsyncEncryptionAvailable()
        : storage.isEncryptionAvailable(),
    encrypt: async (plainText) =>
      storage.encryptStringAsync
        ? storage.encryptStringAsync(plainText)
        : storage.encryptString(plainText),
    decrypt: async (encrypted) => {
      const buffer = Buffer.from(encrypted)
      if (storage.decryptStringAsync) {
        const { result, shouldReEncrypt } = await storage.decryptStringAsync(buffer)
        return { value: result, shouldReEncrypt }
      }
      return { value: storage.decryptString(buffer), shouldReEncrypt: false }
    }
  }
}

/**
 * True when secrets would only be obfuscated: on Linux without a keyring, safeStorage encrypts
 * "via hardcoded plaintext password" (Electron docs).
 */
export function isPlainTextBackend(storage: SafeStorageLike, platform: string): boolean {
  return platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text'
}

export class SecretsUnavailableError extends Error {
  override name = 'SecretsUnavailableError'
}

export interface SecretStore {
  set(key: string, value: string): Promise<void>
  get(key: string): Promise<string | null>
  delete(key: string): Promise<boolean>
}

// Keys are hex-encoded into file names, so no key can ever name a path or a temp file.
const fileNameOf = (key: string): string => `${Buffer.from(key, 'utf8').toString('hex')}.secret`

/** A secret store over a durable-file directory; fails closed when encryption is unavailable. */
export function createSecretStore(
  files: JournalFiles,
  cipher: SecretCipher,
  log: Logger = createLogger('secret-store')
): SecretStore {
  const requireCipher = async (): Promise<void> => {
    if (!(await cipher.isAvailable())) {
      throw new SecretsUnavailableError('OS secret storage is not available')
    }
  }
  return {
    set: async (key, value) => {
      await requireCipher()
      await files.replace(fileNameOf(key), await cipher.encrypt(value))
    },
    get: async (key) => {
      const encrypted = await files.read(fileNameOf(key))
      if (encrypted.byteLength === 0) return null
      await requireCipher()
      const { value, shouldReEncrypt } = await cipher.decrypt(encrypted)
      if (shouldReEncrypt) {
        // The keychain rotated its key: re-encrypt now, but a failure here must not lose the read.
        await files.replace(fileNameOf(key), await cipher.encrypt(value)).catch(() => {
          log.warn('could not re-encrypt a secret after key rotation', { key })
        })
      }
      return value
    },
    delete: (key) => files.remove(fileNameOf(key))
  }
}
