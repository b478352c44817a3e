/**
 * The screen pop's cache side, in this Node process exactly as in the data worker: a cold load
 * of every customer from the server into a LocalStore (real files, fdatasync) through the sync
 * engine's own pass (bulk pull stream, snapshot), a reopen from snapshot + journal, local
 * lookups and searches over the loaded cache.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { snapshotFile } from '@renderer/workers/data/store/store-files'
import { runSyncCycle, type AuthedRequests } from '@renderer/workers/data/sync/cycle'
import { SyncHttp, type HttpOutcome } from '@renderer/workers/data/sync/http'
import { createCustomer } from '@renderer/workers/data/customers/commands'
import { matchCustomer, sampleCustomers } from '@renderer/workers/data/customers/queries'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import type { Customer } from '@shared/domain/customer'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import { foldForSearch } from '@shared/domain/text'
import { NodeDurableFiles } from '@support/worker-node-files'
import { openTestStore, TEST_USER_ID } from '@support/worker-store'
import { percentile, round } from './stats'

const PULL_PAGE = 5000
const JOURNALED_WRITES = 200

export interface CacheFigures {
  cacheLoadMs: number
  snapshotMs: number
  snapshotMb: number
  startupMs: number
  restoredWrites: number
  memoryMb: number
  /** Resident growth after the reopen from snapshot + journal (what every later start holds). */
  memoryReopenedMb: number
  /** Highest resident growth during the cold load (the snapshot's export doubles the database). */
  peakMemoryMb: number
  /** CPU time of this process (the client side) during the cold load. */
  cacheLoadCpuMs: number
  sqlDbMb: number
  lookupP50Ms: number
  lookupP99Ms: number
  searchP50Ms: number
  searchP95Ms: number
  /** Numbers of cached customers, for the online lookups and the browser's pops. */
  sampleNumbers: string[]
}

const rssMb = (): number => process.memoryUsage().rss / 1_048_576

/** V8's gc(), enabled at run time: memory is read once the garbage of the load is collected. */
setFlagsFromString('--expose-gc')
const gcFunction: unknown = runInNewContext('gc')
function isCallable(value: unknown): value is () => void {
  return typeof value === 'function'
}
function collectGarbage(): void {
  if (isCallable(gcFunction)) gcFunction()
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms)
  })

/**
 * Resident growth over `before` once garbage is collected (the steady state, not a peak). V8
 * frees the memory of dead ArrayBuffers (the snapshot's export, the database file's old buffers)
 * on a background sweep after the collection, hence the pauses.
 */
async function settledRssMb(before: number): Promise<number> {
  for (let i = 0; i < 2; i++) {
    collectGarbage()
    await pause(300)
  }
  return rssMb() - before
}

/** Samples resident memory every 100 ms while `work` runs; resolves with its peak growth. */
async function peakRssDuring(before: number, work: () => Promise<void>): Promise<number> {
  let peak = rssMb()
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb())
  }, 100)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, rssMb()) - before
}

/** Access tokens are short-lived; a load of a million rows outlives one, so log in again. */
export type TokenSource = () => Promise<string>

/** One sync pass of the engine (push, bulk pull, paged pull), logging in again on a 401. */
async function coldLoad(store: LocalStore, url: string, login: TokenSource): Promise<void> {
  const http = new SyncHttp(url, (u, init) => fetch(u, init))
  let token = await login()
  async function authed<T>(request: (t: string) => Promise<HttpOutcome<T>>) {
    const first = await request(token)
    if (first.kind !== 'unauthorized') return first
    token = await login()
    return request(token)
  }
  const requests: AuthedRequests = {
    push: (mutations, clientId) =>
      authed((t) => http.push(t, { protocolVersion: PROTOCOL_VERSION, clientId, mutations })),
    pull: (cursor, limit) => authed((t) => http.pull(t, cursor, limit)),
    bulkPull: (cursor) => authed((t) => http.bulkPull(t, cursor))
  }
  const result = await runSyncCycle(store, requests, PULL_PAGE)
  if (result.kind !== 'ok') throw new Error(`cold load failed: ${result.error.message}`)
}

function time(run: () => unknown): number {
  const t0 = performance.now()
  run()
  return performance.now() - t0
}

/** Queries an agent types: name prefixes, full names, phone fragments, e-mails, documents. */
function searchQueries(customers: readonly Customer[]): string[] {
  return customers.map((c, i) => {
    const phone = c.phones[0]?.e164 ?? '+34600'
    switch (i % 5) {
      case 0:
        return foldForSearch(c.firstName).slice(0, 3)
      case 1:
        return `${c.firstName} ${c.lastName.slice(0, 4)}`
      case 2:
        return phone.slice(0, 8)
      case 3:
        return c.emails[0]?.slice(0, 8) ?? c.lastName
      default:
        return c.documentId ?? c.lastName
    }
  })
}

function measureQueries(store: LocalStore, customers: readonly Customer[]) {
  const lookups = customers.map((c) =>
    time(() =>
      matchCustomer(store.db, {
        callerNumber: c.phones[0]?.e164 ?? '',
        ctiCustomerId: null,
        defaultCountry: 'ES'
      })
    )
  )
  const searches = searchQueries(customers).map((q) =>
    time(() => searchCustomers(store.db, q, 20, 'ES'))
  )
  return {
    lookupP50Ms: percentile(lookups, 50),
    lookupP99Ms: percentile(lookups, 99),
    searchP50Ms: percentile(searches, 50),
    searchP95Ms: percentile(searches, 95)
  }
}

export async function benchCache(url: string, login: TokenSource): Promise<CacheFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'atiende-bench-screenpop-'))
  const open = () => openTestStore(dir)
  try {
    const rssBefore = await settledRssMb(0)
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const store = await open()
    const peakMemoryMb = await peakRssDuring(rssBefore, () => coldLoad(store, url, login))
    const cacheLoadMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const cacheLoadCpuMs = (cpu.user + cpu.system) / 1000
    // Resident growth with the cache loaded and its snapshot written.
    const memoryMb = await settledRssMb(rssBefore)
    const t1 = performance.now()
    await store.snapshot()
    const snapshotMs = performance.now() - t1
    const snapshotMb = (
      await new NodeDurableFiles(dir).read(snapshotFile(`atiende-${TEST_USER_ID}`))
    ).byteLength
    for (let i = 0; i < JOURNALED_WRITES; i++) {
      await createCustomer(store, {
        firstName: `Bench ${i}`,
        lastName: 'Journal',
        phoneE164: null,
        email: null,
        preferredLanguage: 'es'
      })
    }
    await store.close()
    const t2 = performance.now()
    const reopened = await open()
    const startupMs = performance.now() - t2
    const memoryReopenedMb = await settledRssMb(rssBefore)
    const sqlDbMb = reopened.databaseBytes() / 1_048_576
    const customers = sampleCustomers(reopened.db, 2000)
    const figures = measureQueries(reopened, customers)
    const sampleNumbers = customers.flatMap((c) => c.phones.slice(0, 1).map((p) => p.e164))
    const restoredWrites = reopened.report.restoredWrites
    await reopened.close()
    return {
      cacheLoadMs: round(cacheLoadMs, 0),
      snapshotMs: round(snapshotMs, 0),
      snapshotMb: round(snapshotMb / 1_048_576, 1),
      startupMs: round(startupMs, 0),
      restoredWrites,
      memoryMb: round(memoryMb, 0),
      memoryReopenedMb: round(memoryReopenedMb, 0),
      peakMemoryMb: round(peakMemoryMb, 0),
      cacheLoadCpuMs: round(cacheLoadCpuMs, 0),
      sqlDbMb: round(sqlDbMb, 0),
      ...figures,
      sampleNumbers
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
