/// <reference types="node" />
/** Builds LocalStores for tests: real sql.js from node_modules, real files in a temp dir. */
import { randomUUID } from 'node:crypto'

import initSqlJs, { type SqlJsStatic } from 'sql.js'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

import { LocalStore } from '@renderer/workers/data/store/local-store'
import type { Customer } from '@shared/domain/customer'

import { makeStoreDir, NodeDurableFiles, removeStoreDir } from './worker-node-files'

let sqlPromise: Promise<SqlJsStatic> | null = null

/** sql.js is loaded once per test file; under Node it finds its wasm next to the module. */
export function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs()
  return sqlPromise
}

export const TEST_USER_ID = '7d3f4a1e-2b1c-4c55-9f1a-0a1b2c3d4e5f'

/** Opens the store of `TEST_USER_ID` in `dir`, as a fresh worker would after a restart. */
export async function openTestStore(
  dir: string,
  now: () => Date = () => new Date()
): Promise<LocalStore> {
  return LocalStore.open({
    sql: await loadSql(),
    files: new NodeDurableFiles(dir),
    name: `atiende-${TEST_USER_ID}`,
    newId: () => randomUUID(),
    now
  })
}

/** A valid customer with overridable fields. */
export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: randomUUID(),
    externalRef: `EXT-${randomUUID().slice(0, 8)}`,
    firstName: 'Ana',
    lastName: 'García',
    documentId: null,
    phones: [],
    emails: [],
    preferredLanguage: 'es',
    tier: 'standard',
    recencyDays: 10,
    frequency12m: 2,
    monetary12m: 120,
    lifetimeValue: 800,
    products: [],
    doNotCall: false,
    notes: '',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides
  }
}

/**
 * Gives each test a fresh store directory and closes every store it opened afterwards;
 * `openStore()` opens the store as a fresh worker would after a restart.
 */
export function useTestStores(): { openStore: () => Promise<LocalStore>; dir: () => string } {
  let dir = ''
  const open: LocalStore[] = []
  beforeEach(async () => {
    dir = await makeStoreDir()
  })
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined)
    await removeStoreDir(dir)
  })
  return {
    openStore: async () => {
      const store = await openTestStore(dir)
      open.push(store)
      return store
    },
    dir: () => dir
  }
}

/**
 * One store folder for every test of a describe block (one workstation whose store later tests
 * open again), made before the first test and removed after the last.
 */
export function useSharedStoreDir(): () => string {
  let dir = ''
  beforeAll(async () => {
    dir = await makeStoreDir()
  })
  afterAll(async () => {
    await removeStoreDir(dir)
  })
  return () => dir
}
