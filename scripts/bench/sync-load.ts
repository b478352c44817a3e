/**
 * `npm run bench:sync -- --agents N [--seconds S] [--team-size T] [--burst B]`: N simulated
 * agents against one central server process on a private, durable PostgreSQL.
 *
 * Every agent is its own user, in teams of T (25 by default, a contact-center team with one
 * lead); tokens are signed with the server's secret, as a login would give them. Each agent
 * pushes one complaint every 5 s (staggered) and pulls when the realtime channel pokes it, one
 * pull in flight at a time, as the data worker does. Then every agent reconnects "after an
 * outage" at once with B queued complaints in one push, which measures peak ingest. Afterwards
 * the rows are counted in PostgreSQL (lost, duplicated), and the same number of rows is
 * inserted straight into a table like `complaints` (same indexes, durable commits) in batches.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import pg from 'pg'
import WebSocket from 'ws'

import { PROTOCOL_VERSION, pushResponseSchema, realtimeMessageSchema } from '@shared/sync/protocol'
import { createAccessTokenIssuer } from '@server/auth/access-tokens'
import { startCluster } from '@support/postgres-cluster'
import { complaintArgs, complaintMutation, syncHeaders } from '@support/server-app'
import { ServerProcess } from '@support/server-process'
import { closeConnections, send, sendForText } from './http-client'
import { createBenchAgents, peakPerSecond, rawInsertPerSec } from './sync-load-database'
import { emit, percentile, round } from './stats'

const PUSH_EVERY_MS = 5000
/** The same spread the data worker applies before pulling on a poke. */
const POKE_SPREAD_MS = 1000

interface Agent {
  clientId: string
  token: string
  cursor: number
  pulling: boolean
  pullAgain: boolean
  socket: WebSocket | null
}

interface Tally {
  pushMs: number[]
  pullMs: number[]
  appliedAt: number[]
  sent: number
  rejected: number
  failed: number
}

function newTally(): Tally {
  return { pushMs: [], pullMs: [], appliedAt: [], sent: 0, rejected: 0, failed: 0 }
}

const headers = (token: string): Record<string, string> => ({
  ...syncHeaders(token),
  'content-type': 'application/json'
})

/** How a pull page ends (see src/server/sync/pull.ts): the agent loop needs nothing else. */
const PAGE_END = /"cursor":(\d+),"hasMore":(true|false)\}\s*$/
const PAGE_START = '{"changes":['
/** Every pull and its bytes since the start, so a phase can be measured by difference. */
const pulled = { pulls: 0, bytes: 0 }

/**
 * Receives a pull page whole but reads only its start and its end. A real agent parses the rows
 * on its own machine; here the load generator shares the two cores with the server, and parsing
 * every teammate's complaint (a gigabyte in the 2,000-agent burst) took half of one core away
 * from the server it measures.
 */
async function receivePage(
  url: string,
  token: string
): Promise<{ cursor: number; hasMore: boolean }> {
  let head = ''
  let tail = ''
  pulled.pulls++
  const status = await send(url, { method: 'GET', headers: headers(token) }, (chunk) => {
    pulled.bytes += chunk.length
    if (head.length < PAGE_START.length) head += chunk.toString('latin1', 0, PAGE_START.length)
    tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 64))).slice(-64)
  })
  const end = PAGE_END.exec(tail)
  if (status !== 200 || !head.startsWith(PAGE_START) || !end) {
    throw new Error(`pull answered ${status} without a change page`)
  }
  return { cursor: Number(end[1]), hasMore: end[2] === 'true' }
}

async function pullToHead(url: string, agent: Agent, tally: Tally): Promise<void> {
  for (;;) {
    const t0 = performance.now()
    const page = await receivePage(
      `${url}/api/sync/pull?cursor=${agent.cursor}&limit=1000`,
      agent.token
    )
    tally.pullMs.push(performance.now() - t0)
    agent.cursor = page.cursor
    if (!page.hasMore) return
  }
}

/**
 * Pull as the data worker does: one pull in flight per agent, and a request during a pull asks
 * for one more. After a poke it waits a random part of a second first (every teammate gets the
 * same poke); after its own push it pulls at once (the pass is push, then pull).
 */
function requestPull(url: string, agent: Agent, tally: Tally, delayMs: number): void {
  if (agent.pulling) {
    agent.pullAgain = true
    return
  }
  agent.pulling = true
  setTimeout(() => {
    void (async () => {
      // A request that lands during a pull sets pullAgain; read it through a function so the
      // compiler does not assume the flag is still the false it was just set to.
      const again = () => agent.pullAgain
      do {
        agent.pullAgain = false
        await pullToHead(url, agent, tally).catch(() => undefined)
      } while (again())
      agent.pulling = false
    })()
  }, delayMs)
}

/** A push of `count` new complaints, as the agent's outbox would send it. */
function pushBody(agent: Agent, marker: string, count: number): string {
  const mutations = Array.from({ length: count }, () => {
    const id = randomUUID()
    return complaintMutation(complaintArgs({ id, callId: null, description: `${marker} ${id}` }))
  })
  return JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: agent.clientId, mutations })
}

async function push(
  url: string,
  agent: Agent,
  body: string,
  count: number,
  tally: Tally
): Promise<void> {
  tally.sent += count
  const t0 = performance.now()
  try {
    const res = await sendForText(`${url}/api/sync/push`, {
      method: 'POST',
      headers: headers(agent.token),
      body
    })
    const answer = pushResponseSchema.safeParse(JSON.parse(res.text))
    tally.pushMs.push(performance.now() - t0)
    const now = Date.now()
    if (res.status !== 200 || !answer.success) {
      tally.failed += count
      return
    }
    for (const result of answer.data.results) {
      if (result.status === 'applied') tally.appliedAt.push(now)
      else tally.rejected++
    }
    requestPull(url, agent, tally, 0)
  } catch {
    tally.failed += count
  }
}

function connect(url: string, agent: Agent, tally: Tally): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/realtime?token=${agent.token}`)
    agent.socket = ws
    ws.on('open', () => {
      resolve()
    })
    ws.on('error', () => {
      resolve()
    })
    ws.on('message', (data: Buffer) => {
      // As the data worker does: a poke about changes it already pulled asks for nothing.
      const message = realtimeMessageSchema.safeParse(JSON.parse(data.toString()))
      if (message.success && message.data.type === 'poke' && message.data.cursor > agent.cursor) {
        requestPull(url, agent, tally, Math.random() * POKE_SPREAD_MS)
      }
    })
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export interface SyncLoadOptions {
  agents: number
  seconds: number
  teamSize: number
  /** Complaints each agent pushes at once in the burst phase; 0 skips it. */
  burst: number
}

export async function benchSyncLoad(options: SyncLoadOptions): Promise<void> {
  const { agents: agentCount, seconds, teamSize } = options
  const cluster = await startCluster({ durable: true })
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE atiende_bench')
  await admin.end()
  const dbUrl = cluster.url.replace(/\/postgres$/, '/atiende_bench')
  const secret = randomBytes(48).toString('base64url')
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const server = await ServerProcess.create(
    { DATABASE_URL: dbUrl, ATIENDE_SEED_CUSTOMERS: '1000', ATIENDE_JWT_SECRET: secret },
    (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean)
  )
  await server.start(180_000)
  const url = server.url
  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  const benchUsers = await createBenchAgents(db, agentCount, teamSize)
  const issuer = createAccessTokenIssuer(new TextEncoder().encode(secret), 3600)
  // A warm cache: every agent starts at the head of the change log.
  const head = await db.query<{ seq: string }>('SELECT seq FROM change_log_head')
  const startCursor = Number(head.rows[0]?.seq ?? 0)
  const agents: Agent[] = []
  for (const user of benchUsers) {
    agents.push({
      clientId: randomUUID(),
      token: await issuer.sign({ userId: user.userId, role: 'agent', teamId: user.teamId }),
      cursor: startCursor,
      pulling: false,
      pullAgain: false,
      socket: null
    })
  }
  const tally = newTally()
  for (const a of agents) await connect(url, a, tally)

  const marker = `bench-${randomUUID().slice(0, 8)}`
  // The load generator shares the cores: its own event-loop lag is part of every latency.
  const clientLag = monitorEventLoopDelay({ resolution: 10 })
  clientLag.enable()
  const timers: NodeJS.Timeout[] = []
  const inflight: Promise<void>[] = []
  agents.forEach((agent, i) => {
    const offset = (i / agentCount) * PUSH_EVERY_MS
    timers.push(
      setTimeout(() => {
        const once = () => push(url, agent, pushBody(agent, marker, 1), 1, tally)
        inflight.push(once())
        timers.push(setInterval(() => inflight.push(once()), PUSH_EVERY_MS))
      }, offset)
    )
  })
  await sleep(seconds * 1000)
  timers.forEach((t) => {
    clearTimeout(t)
  })
  await Promise.all(inflight)
  clientLag.disable()

  // Everyone back from an outage at the same moment, each with a backlog in one push.
  const burst = newTally()
  let burstSeconds = 0
  let burstPulls = 0
  let burstPulledMB = 0
  if (options.burst > 0) {
    // The backlog is already in each agent's outbox when the connection comes back.
    const backlogs = agents.map((a) => pushBody(a, marker, options.burst))
    await sleep(2000)
    const before = { ...pulled }
    const t0 = performance.now()
    await Promise.all(agents.map((a, i) => push(url, a, backlogs[i] ?? '', options.burst, burst)))
    burstSeconds = (performance.now() - t0) / 1000
    burstPulls = pulled.pulls - before.pulls
    burstPulledMB = (pulled.bytes - before.bytes) / 1e6
  }
  agents.forEach((a) => {
    a.socket?.terminate()
  })
  closeConnections()

  const counted = await db.query<{ rows: string; distinct: string }>(
    `SELECT count(*) AS rows, count(DISTINCT description) AS distinct FROM complaints
     WHERE description LIKE $1`,
    [`${marker} %`]
  )
  const rows = Number(counted.rows[0]?.rows ?? 0)
  const distinct = Number(counted.rows[0]?.distinct ?? 0)
  const applied = tally.appliedAt.length + burst.appliedAt.length
  const peak = peakPerSecond([...tally.appliedAt, ...burst.appliedAt])
  const raw = await rawInsertPerSec(db, Math.max(applied, 1000))
  await db.end()
  await server.stop()
  await cluster.stop()

  emit({
    bench: 'sync-load',
    database: 'postgres',
    agents: agentCount,
    teamSize,
    seconds,
    mutationsSent: tally.sent + burst.sent,
    mutationsPerSec: round(tally.appliedAt.length / seconds, 1),
    peakMutationsPerSec: peak,
    pushP50Ms: percentile(tally.pushMs, 50),
    pushP99Ms: percentile(tally.pushMs, 99),
    clientLagP99Ms: round(clientLag.percentile(99) / 1e6, 1),
    pulls: tally.pullMs.length,
    pullP50Ms: percentile(tally.pullMs, 50),
    pullP99Ms: percentile(tally.pullMs, 99),
    burstPerAgent: options.burst,
    burstMutationsPerSec: burstSeconds > 0 ? round(burst.appliedAt.length / burstSeconds, 0) : 0,
    burstPushP99Ms: percentile(burst.pushMs, 99),
    burstPulls,
    burstPulledMB: round(burstPulledMB, 0),
    rejected: tally.rejected + burst.rejected,
    failed: tally.failed + burst.failed,
    lost: applied - distinct,
    duplicated: rows - distinct,
    rawInsertPerSec: round(raw, 0),
    ingestVsRaw: round(peak / raw, 4)
  })
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value >= 0 ? value : fallback
}

if (process.argv[1]?.endsWith('sync-load.ts')) {
  await benchSyncLoad({
    agents: arg('agents', 500),
    seconds: arg('seconds', 30),
    teamSize: arg('team-size', 25),
    burst: arg('burst', 20)
  })
}
