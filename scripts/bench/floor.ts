/**
 * `npm run bench:floor -- [--agents N] [--leads L] [--seconds S] [--updates U]`: live presence at
 * a contact centre's scale against one central server process on a private, durable PostgreSQL.
 *
 * N desks (2,000 by default) in teams of N/L, one lead per team (80 by default), each on its own
 * realtime WebSocket, as the data worker holds it. Every desk publishes a change about U times a
 * minute (4 by default: a call rings, is answered, a script step, wrap-up, ready again) plus its
 * heartbeat every `PRESENCE_BEAT_MS`; each lead receives its team's changes. Latency is measured
 * from the desk's publish (`sentAt`, same machine and clock) to the lead's receipt; the server's
 * CPU from /proc over the measured window. The load generator shares the two cores with the
 * server, so its own event-loop lag is printed beside the figures.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import pg from 'pg'
import WebSocket from 'ws'

import { createAccessTokenIssuer } from '@server/auth/access-tokens'
import { PRESENCE_BEAT_MS, type DeskPresence } from '@shared/presence/presence'
import { startCluster } from '@support/postgres-cluster'
import { ServerProcess } from '@support/server-process'
import { createBenchAgents } from './sync-load-database'
import { emit, percentile, round } from './stats'

const states = ['ready', 'on_call', 'on_call', 'wrap_up'] as const

function presenceAt(step: number, agent: number): DeskPresence {
  const now = new Date().toISOString()
  const state = states[step % states.length] ?? 'ready'
  return {
    state,
    pauseReason: null,
    since: now,
    pauseAfterCall: null,
    call:
      state === 'on_call'
        ? {
            id: `call-${String(agent)}-${String(step)}`,
            direction: 'inbound',
            practice: false,
            number: `+3460${String(1_000_000 + agent)}`,
            party: 'customer',
            customerId: null,
            name: `Cliente ${String(agent)}`,
            valueTier: 'standard',
            phase: step % 4 === 1 ? 'ringing' : 'active',
            startedAt: now,
            answeredAt: step % 4 === 1 ? null : now,
            otherLines: 0
          }
        : null,
    script:
      state === 'on_call'
        ? {
            scriptId: 'bench',
            version: 1,
            nodeId: `n${String(step)}`,
            stepTitle: 'Paso',
            jumps: []
          }
        : null,
    wrapUpSince: state === 'wrap_up' ? now : null,
    phone: { line: 'registered', problems: [] },
    lastDisposition: null,
    lastMissedCallAt: null,
    handRaisedAt: null,
    sentAt: now
  }
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 100 a second here). */
function cpuMs(pid: number): number {
  const fields =
    readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      resolve(socket)
    })
    socket.once('error', reject)
  })
}

export async function benchFloor(options: {
  agents: number
  leads: number
  seconds: number
  updatesPerMinute: number
}): Promise<void> {
  const { agents: agentCount, leads: leadCount, seconds, updatesPerMinute } = options
  const teamSize = Math.ceil(agentCount / leadCount)
  const cluster = await startCluster({ durable: true })
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE atiende_floor')
  await admin.end()
  const dbUrl = cluster.url.replace(/\/postgres$/, '/atiende_floor')
  const secret = randomBytes(48).toString('base64url')
  const server = await ServerProcess.create({
    DATABASE_URL: dbUrl,
    ATIENDE_SEED_CUSTOMERS: '100',
    ATIENDE_JWT_SECRET: secret
  })
  await server.start(180_000)
  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  const users = await createBenchAgents(db, agentCount, teamSize)
  await db.end()
  const issuer = createAccessTokenIssuer(new TextEncoder().encode(secret), 3600)
  const ws = `${server.url.replace('http', 'ws')}/api/realtime?token=`
  const latencies: number[] = []
  let received = 0
  let measuring = false

  const teams = [...new Set(users.map((u) => u.teamId))]
  const leads: WebSocket[] = []
  for (const teamId of teams) {
    const token = await issuer.sign({ userId: teamId, role: 'team_lead', teamId })
    const socket = await open(ws + token)
    socket.on('message', (data: Buffer) => {
      const at = Date.now()
      const text = data.toString('utf8')
      if (!text.startsWith('{"type":"floor:entry"')) return
      const sent = /"sentAt":"([^"]+)"/.exec(text)?.[1]
      if (!measuring || !sent) return
      received++
      latencies.push(at - Date.parse(sent))
    })
    leads.push(socket)
  }
  const desks: WebSocket[] = []
  for (const user of users) {
    const token = await issuer.sign({ userId: user.userId, role: 'agent', teamId: user.teamId })
    desks.push(await open(ws + token))
  }

  const clientLag = monitorEventLoopDelay({ resolution: 10 })
  const timers: NodeJS.Timeout[] = []
  let published = 0
  desks.forEach((socket, agent) => {
    let step = 0
    let latest = presenceAt(step, agent)
    const send = () => {
      socket.send(
        JSON.stringify({
          type: 'presence',
          presence: { ...latest, sentAt: new Date().toISOString() }
        })
      )
    }
    // Staggered, as desks are on a real floor.
    const change = () => {
      step++
      latest = presenceAt(step, agent)
      send()
      if (measuring) published++
    }
    const changeEvery = 60_000 / updatesPerMinute
    timers.push(
      setTimeout(() => {
        change()
        timers.push(setInterval(change, changeEvery))
      }, Math.random() * changeEvery)
    )
    timers.push(
      setTimeout(() => {
        timers.push(setInterval(send, PRESENCE_BEAT_MS))
      }, Math.random() * PRESENCE_BEAT_MS)
    )
  })
  // Warm-up: every desk's first frame (and its restore check) lands before measuring.
  await new Promise((resolve) => setTimeout(resolve, 20_000))
  const pid = server.pid ?? 0
  const cpu0 = cpuMs(pid)
  const t0 = Date.now()
  clientLag.enable()
  measuring = true
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  measuring = false
  clientLag.disable()
  const elapsed = Date.now() - t0
  const cpu = cpuMs(pid) - cpu0
  for (const timer of timers) clearInterval(timer)
  for (const socket of [...desks, ...leads]) socket.terminate()
  emit({
    bench: 'floor',
    agents: agentCount,
    leads: teams.length,
    updatesPerAgentPerMin: updatesPerMinute,
    beatSeconds: PRESENCE_BEAT_MS / 1000,
    seconds,
    published,
    received,
    presenceP50Ms: percentile(latencies, 50),
    presenceP95Ms: percentile(latencies, 95),
    presenceP99Ms: percentile(latencies, 99),
    presenceMaxMs: percentile(latencies, 100),
    serverCpuPct: round((cpu / elapsed) * 100, 1),
    loadGeneratorLagP99Ms: round(clientLag.percentile(99) / 1e6, 1)
  })
  await server.stop()
  await cluster.stop()
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

if (process.argv[1]?.endsWith('floor.ts')) {
  await benchFloor({
    agents: arg('agents', 2000),
    leads: arg('leads', 80),
    seconds: arg('seconds', 60),
    updatesPerMinute: arg('updates', 4)
  })
}
