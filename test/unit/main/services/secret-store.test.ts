/**
 * The secret store over real files, with a fake safeStorage: the OS keychain cannot run here,
 * so the fake only records which API (async or the deprecated sync one) was used.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { openJournalFiles } from '@main/services/journal-file'
import {
  cipherFromSafeStorage,
  createSecretStore,
  isPlainTextBackend,
  SecretsUnavailableError,
  type SafeStorageLike
} from '@main/services/secret-store'

// Reversible "encryption" that is visibly not plain text: enough to check what reaches disk.
const scramble = (text: string): Buffer => Buffer.from(`x${Buffer.from(text).toString('base64')}`)
const unscramble = (data: Buffer): string =>
  Buffer.from(data.toString().slice(1), 'base64').toString()

function fakeStorage(options: { async: boolean; available?: boolean; rotate?: boolean }) {
  const used: string[] = []
  const storage: SafeStorageLike = {
    encryptString: (text) => {
      used.push('encryptString')
      return scramble(text)
    },
    decryptString: (data) => {
      used.push('decryptString')
      return unscramble(data)
    },
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => 'basic_text'
  }
  if (options.async) {
    storage.encryptStringAsync = (text) => {
      used.push('encryptStringAsync')
      return Promise.resolve(scramble(text))
    }
    storage.decryptStringAsync = (data) => {
      used.push('decryptStringAsync')
      return Promise.resolve({ result: unscramble(data), shouldReEncrypt: options.rotate ?? false })
    }
    storage.isAsyncEncryptionAvailable = () => Promise.resolve(options.available ?? true)
  }
  return { storage, used }
}

let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atiende-secrets-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('secret store', () => {
  it('stores only encrypted bytes and reads them back, via the async API', async () => {
    const { storage, used } = fakeStorage({ async: true })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    await store.set('refresh-token', 'tok-123')
    const [file = ''] = await readdir(dir)
    expect(await readFile(join(dir, file), 'utf8')).not.toContain('tok-123')
    expect(await store.get('refresh-token')).toBe('tok-123')
    expect(used).toEqual(['encryptStringAsync', 'decryptStringAsync'])
  })

  it('falls back to the sync API on an Electron without the async one', async () => {
    const { storage, used } = fakeStorage({ async: false })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    await store.set('sip.password', 'pw')
    expect(await store.get('sip.password')).toBe('pw')
    expect(used).toEqual(['encryptString', 'decryptString'])
  })

  it('reads a missing secret as null and deletes idempotently', async () => {
    const { storage } = fakeStorage({ async: true })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    expect(await store.get('nothing')).toBeNull()
    await store.set('k', 'v')
    expect(await store.delete('k')).toBe(true)
    expect(await store.delete('k')).toBe(false)
    expect(await store.get('k')).toBeNull()
  })

  it('maps keys to file names that cannot escape or collide', async () => {
    const { storage } = fakeStorage({ async: true })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    await store.set('..', 'a')
    await store.set('a..b', 'b')
    await store.set('.', 'c')
    expect(await store.get('..')).toBe('a')
    expect(await store.get('a..b')).toBe('b')
    expect(await store.get('.')).toBe('c')
    for (const name of await readdir(dir)) expect(name).toMatch(/^[0-9a-f]+\.secret$/)
  })

  it('fails closed when encryption is unavailable: nothing is written in plain text', async () => {
    const { storage } = fakeStorage({ async: true, available: false })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    await expect(store.set('k', 'v')).rejects.toBeInstanceOf(SecretsUnavailableError)
    expect(await readdir(dir)).toEqual([])
  })

  it('re-encrypts after a key rotation and still returns the value', async () => {
    const { storage, used } = fakeStorage({ async: true, rotate: true })
    const store = createSecretStore(await openJournalFiles(dir), cipherFromSafeStorage(storage))
    await store.set('k', 'v')
    expect(await store.get('k')).toBe('v')
    expect(used).toEqual(['encryptStringAsync', 'decryptStringAsync', 'encryptStringAsync'])
  })
})

describe('isPlainTextBackend', () => {
  it('flags basic_text on Linux only', () => {
    const { storage } = fakeStorage({ async: true })
    expect(isPlainTextBackend(storage, 'linux')).toBe(true)
    expect(isPlainTextBackend(storage, 'darwin')).toBe(false)
    const keyring: SafeStorageLike = {
      ...storage,
      getSelectedStorageBackend: () => 'gnome_libsecret'
    }
    expect(isPlainTextBackend(keyring, 'linux')).toBe(false)
  })
})
