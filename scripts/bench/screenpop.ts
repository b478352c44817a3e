/**
 * `npm run bench:screenpop -- --customers N [--pops P] [--no-browser] [--server-data DIR]`: the
 * screen pop at scale, as one JSON line. `--server-data` keeps the server's database in DIR, so a
 * second run skips seeding (minutes at a million); the seed count of the first run stays. A real server process (embedded PGlite seeded with N demo customers) serves
 * the cold cache load, the online lookups and the browser edition; cache figures are measured in
 * this Node process with the worker's own LocalStore; pops in Debian's Chromium.
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'

import { loginAs } from '@support/server-api'
import { ServerProcess } from '@support/server-process'
import { benchBrowserPop, type BrowserFigures } from './screenpop-browser'
import { benchCache } from './screenpop-cache'
import { kamailioMissing, startSipProxy, type SipProxy } from './sip-rig'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { emit, percentile, round } from './stats'

export interface ScreenPopOptions {
  customers: number
  pops: number
  browser: boolean
  /** Where the server keeps its database between runs; a fresh temp folder when undefined. */
  serverData?: string | undefined
}

const HOUR_MS = 3_600_000
const ONLINE_LOOKUPS = 300

async function onlineLookups(url: string, token: string, numbers: readonly string[]) {
  const samples: number[] = []
  for (const e164 of numbers.slice(0, ONLINE_LOOKUPS)) {
    const t0 = performance.now()
    const res = await fetch(`${url}/api/customers/lookup?phone=${encodeURIComponent(e164)}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    await res.json()
    if (!res.ok) throw new Error(`lookup ${e164}: ${res.status}`)
    samples.push(performance.now() - t0)
  }
  return percentile(samples, 50)
}

/**
 * The server's side of a cold load alone: the whole bulk pull drained without applying it. Run
 * after the client's cold load, so it does not warm the server's caches for it.
 */
async function serverStreamMs(url: string, token: string): Promise<number> {
  const t0 = performance.now()
  const res = await fetch(`${url}/api/sync/bulk?cursor=0`, {
    headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
  })
  if (!res.ok || res.body === null) throw new Error(`bulk pull: ${res.status}`)
  const reader = res.body.getReader()
  while (!(await reader.read()).done) {
    // Drained, not applied.
  }
  return performance.now() - t0
}

/** Why the pops cannot run here (they need the built app, Chromium and Kamailio), or null. */
function browserMissing(): string | null {
  if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
    return 'the browser edition is not built (npx electron-vite build)'
  }
  const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) return `Chromium not found at ${chromium}`
  return kamailioMissing()
}

export async function benchScreenPop(options: ScreenPopOptions): Promise<void> {
  const missing = options.browser ? browserMissing() : null
  if (missing !== null) {
    process.stderr.write(`bench:screenpop: the browser pops are skipped: ${missing}\n`)
  }
  // Started before the server, which provisions the softphones with Kamailio's address.
  const proxy: SipProxy | null = options.browser && missing === null ? await startSipProxy() : null
  const server = await ServerProcess.create({
    ATIENDE_SEED_CUSTOMERS: String(options.customers),
    ...(options.serverData === undefined ? {} : { ATIENDE_DATA_DIR: options.serverData }),
    ...proxy?.serverEnv
  })
  const t0 = performance.now()
  try {
    await server.start(HOUR_MS)
    const seedMs = performance.now() - t0
    const login = async () => (await loginAs(server.url, 'ana')).accessToken
    const cache = await benchCache(server.url, login)
    const onlineLookupP50Ms = await onlineLookups(server.url, await login(), cache.sampleNumbers)
    const bulkStreamMs = await serverStreamMs(server.url, await login())
    const browser: BrowserFigures | null = proxy
      ? await benchBrowserPop(server.url, proxy, options.pops)
      : null
    const figures = cache
    emit({
      bench: 'screenpop',
      customers: options.customers,
      cacheLoadMs: figures.cacheLoadMs,
      startupMs: figures.startupMs,
      memoryMb: figures.memoryMb,
      memoryReopenedMb: figures.memoryReopenedMb,
      peakMemoryMb: figures.peakMemoryMb,
      cacheLoadCpuMs: figures.cacheLoadCpuMs,
      serverStreamMs: Math.round(bulkStreamMs),
      lookupP50Ms: figures.lookupP50Ms,
      lookupP99Ms: figures.lookupP99Ms,
      popP95Ms: browser?.popP95Ms ?? null,
      searchP95Ms: figures.searchP95Ms,
      onlineLookupP50Ms,
      speedupVsOnline: browser ? round(onlineLookupP50Ms / browser.popP50Ms, 1) : null,
      // The cache lookup alone against the same lookup over HTTP (both without rendering).
      lookupSpeedupVsOnline: round(onlineLookupP50Ms / figures.lookupP50Ms, 0),
      popP50Ms: browser?.popP50Ms ?? null,
      popFrameP50: browser?.popFrameP50 ?? null,
      popFrameP95: browser?.popFrameP95 ?? null,
      popFirstFrameShare: browser?.popFirstFrameShare ?? null,
      pops: browser?.pops ?? 0,
      browserFirstSyncMs: browser?.firstSyncMs ?? null,
      searchP50Ms: figures.searchP50Ms,
      snapshotMs: figures.snapshotMs,
      snapshotMb: figures.snapshotMb,
      sqlDbMb: figures.sqlDbMb,
      restoredWrites: figures.restoredWrites,
      serverSeedMs: round(seedMs, 0),
      // The machine is shared: the 1-minute load average at the end says how much.
      loadAverage: round(loadavg()[0] ?? 0, 1),
      sources: {
        node: 'cacheLoadMs startupMs memory*(RSS growth, after gc) lookup* search* onlineLookupP50Ms',
        chromium: browser ? 'popP50Ms popP95Ms popFrame* browserFirstSyncMs' : 'not run',
        // Each pop is timed from a real SIP INVITE through Kamailio, as the page receives it.
        popSource: browser ? 'sip-invite' : 'not run'
      }
    })
  } finally {
    await server.stop()
    await proxy?.kamailio.stop()
    await rm(server.dataDir, { recursive: true, force: true })
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchScreenPop({
    customers: Number(argValue('--customers') ?? 20_000),
    pops: Number(argValue('--pops') ?? 50),
    browser: !process.argv.includes('--no-browser'),
    serverData: argValue('--server-data')
  })
}
