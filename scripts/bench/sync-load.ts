/**
 * `npm run bench:sync -- --agents N [--seconds S]`: N simulated agents against one central
 * server process on a private, durable PostgreSQL. Each agent pushes one complaint every 5 s
 * (staggered) and pulls when the realtime channel pokes it, one pull in flight at a time, as the
 * data worker does. Afterwards the rows are counted in PostgreSQL (lost, duplicated), and the
 * same number of rows is inserted straight into PostgreSQL in batches for comparison.
 */
import { randomUUID } from 'node:crypto'

import pg from 'pg'
import WebSocket from 'ws'

import {
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema
} from '../../src/shared/sync/protocol'
import { startCluster } from '../../test/support/postgres-cluster'
import { complaintArgs, complaintMutation, syncHeaders } from '../../test/support/server-app'
import { loginAs } from '../../test/support/server-api'
import { ServerProcess } from '../../test/support/server-process'
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

const headers = (token: string) => ({ ...syncHeaders(token), 'content-type': 'application/json' })

async function pullToHead(url: string, agent: Agent, tally: Tally | null): Promise<void> {
  for (;;) {
    const t0 = performance.now()
    const res = await fetch(`${url}/api/sync/pull?cursor=${agent.cursor}&limit=1000`, {
      headers: headers(agent.token)
    })
    const page = pullResponseSchema.parse(await res.json())
    tally?.pullMs.push(performance.now() - t0)
    agent.cursor = page.cursor
    if (!page.hasMore) return
  }
}

/**
 * Pull on poke as the data worker does: after a random part of a second (every teammate gets the
 * same poke), one pull in flight per agent, and a poke during a pull asks for one more.
 */
function onPoke(url: string, agent: Agent, tally: Tally): void {
  if (agent.pulling) {
    agent.pullAgain = true
    return
  }
  agent.pulling = true
  setTimeout(() => {
    void (async () => {
      // A poke that lands during a pull sets pullAgain; read it through a function so the
      // compiler does not assume the flag is still the false it was just set to.
      const again = () => agent.pullAgain
      do {
        agent.pullAgain = false
        await pullToHead(url, agent, tally).catch(() => undefined)
      } while (again())
      agent.pulling = false
    })()
  }, Math.random() * POKE_SPREAD_MS)
}

async function push(url: string, agent: Agent, marker: string, tally: Tally): Promise<void> {
  const id = randomUUID()
  const args = complaintArgs({ id, callId: null, description: `${marker} ${id}` })
  const body = JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    clientId: agent.clientId,
    mutations: [complaintMutation(args)]
  })
  tally.sent++
  const t0 = performance.now()
  try {
    const res = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: headers(agent.token),
      body
    })
    const answer = pushResponseSchema.safeParse(await res.json())
    tally.pushMs.push(performance.now() - t0)
    if (answer.success && answer.data.results[0]?.status === 'applied') {
      tally.appliedAt.push(Date.now())
    } else tally.rejected++
  } catch {
    tally.failed++
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
      if (data.toString().includes('"poke"')) onPoke(url, agent, tally)
    })
  })
}

function peakPerSecond(timestamps: readonly number[]): number {
  const buckets = new Map<number, number>()
  for (const t of timestamps) {
    const s = Math.floor(t / 1000)
    buckets.set(s, (buckets.get(s) ?? 0) + 1)
  }
  return Math.max(0, ...buckets.values())
}

async function rawInsertPerSec(client: pg.Client, rows: number): Promise<number> {
  await client.query('CREATE TEMP TABLE raw_complaints (LIKE complaints INCLUDING DEFAULTS)')
  const columns = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'complaints'
     ORDER BY ordinal_position`
  )
  const names = columns.rows.map((r) => r.column_name)
  const sample = await client.query<Record<string, unknown>>('SELECT * FROM complaints LIMIT 1')
  const template = sample.rows[0]
  if (!template) return 0
  const t0 = performance.now()
  for (let done = 0; done < rows; done += 500) {
    const batch = Math.min(500, rows - done)
    const values: unknown[] = []
    const tuples: string[] = []
    for (let i = 0; i < batch; i++) {
      const row: Record<string, unknown> = {
        ...template,
        id: randomUUID(),
        case_number: `RAW-${done + i}`
      }
      tuples.push(`(${names.map((_, j) => `$${values.length + j + 1}`).join(',')})`)
      for (const n of names) values.push(row[n])
    }
    await client.query(
      `INSERT INTO raw_complaints (${names.join(',')}) VALUES ${tuples.join(',')}`,
      values
    )
  }
  return rows / ((performance.now() - t0) / 1000)
}

export async function benchSyncLoad(agentCount: number, seconds: number): Promise<void> {
  const cluster = await startCluster({ durable: true })
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE atiende_bench')
  await admin.end()
  const dbUrl = cluster.url.replace(/\/postgres$/, '/atiende_bench')
  const server = await ServerProcess.create({ DATABASE_URL: dbUrl, ATIENDE_SEED_CUSTOMERS: '1000' })
  await server.start(180_000)
  const url = server.url
  const logins = await Promise.all(
    ['ana', 'bruno', 'diego', 'fernando'].map((u) => loginAs(url, u))
  )
  const tally: Tally = { pushMs: [], pullMs: [], appliedAt: [], sent: 0, rejected: 0, failed: 0 }
  const agents: Agent[] = []
  for (let i = 0; i < agentCount; i++) {
    const token = logins[i % logins.length]?.accessToken ?? ''
    agents.push({
      clientId: randomUUID(),
      token,
      cursor: 0,
      pulling: false,
      pullAgain: false,
      socket: null
    })
  }
  // Start every agent at the head of its view, as a worker with a warm cache would be.
  const heads = await Promise.all(
    logins.map(async (l) => {
      const probe: Agent = {
        clientId: '',
        token: l.accessToken,
        cursor: 0,
        pulling: false,
        pullAgain: false,
        socket: null
      }
      await pullToHead(url, probe, null)
      return probe.cursor
    })
  )
  agents.forEach((a, i) => {
    a.cursor = heads[i % heads.length] ?? 0
  })
  for (const a of agents) await connect(url, a, tally)

  const marker = `bench-${randomUUID().slice(0, 8)}`
  const timers: NodeJS.Timeout[] = []
  const inflight: Promise<void>[] = []
  agents.forEach((agent, i) => {
    const offset = (i / agentCount) * PUSH_EVERY_MS
    timers.push(
      setTimeout(() => {
        inflight.push(push(url, agent, marker, tally))
        timers.push(
          setInterval(() => inflight.push(push(url, agent, marker, tally)), PUSH_EVERY_MS)
        )
      }, offset)
    )
  })
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  timers.forEach((t) => {
    clearTimeout(t)
  })
  await Promise.all(inflight)
  agents.forEach((a) => {
    a.socket?.terminate()
  })

  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  const counted = await db.query<{ rows: string; distinct: string }>(
    `SELECT count(*) AS rows, count(DISTINCT description) AS distinct FROM complaints
     WHERE description LIKE $1`,
    [`${marker} %`]
  )
  const rows = Number(counted.rows[0]?.rows ?? 0)
  const distinct = Number(counted.rows[0]?.distinct ?? 0)
  const applied = tally.appliedAt.length
  const raw = await rawInsertPerSec(db, Math.max(applied, 1000))
  await db.end()
  await server.stop()
  await cluster.stop()

  const peak = peakPerSecond(tally.appliedAt)
  emit({
    bench: 'sync-load',
    database: 'postgres',
    agents: agentCount,
    seconds,
    mutationsSent: tally.sent,
    mutationsPerSec: round(applied / seconds, 1),
    peakMutationsPerSec: peak,
    pushP50Ms: percentile(tally.pushMs, 50),
    pushP99Ms: percentile(tally.pushMs, 99),
    pulls: tally.pullMs.length,
    pullP99Ms: percentile(tally.pullMs, 99),
    rejected: tally.rejected,
    failed: tally.failed,
    lost: applied - distinct,
    duplicated: rows - distinct,
    rawInsertPerSec: round(raw, 0),
    ingestVsRaw: round(peak / raw, 4)
  })
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

if (process.argv[1]?.endsWith('sync-load.ts')) {
  await benchSyncLoad(arg('agents', 500), arg('seconds', 30))
}
