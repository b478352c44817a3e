/**
 * Live presence through the real realtime route, on PGlite and PostgreSQL, with two server
 * instances on one database (as behind a load balancer): a desk on one instance reaches its team's
 * lead on the other; nobody else of another team, and no agent, ever gets it; a silent desk is
 * lost after the (shortened) expiry; a clean sign-out is offline.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { ZodApp } from '@server/http/route-context'
import type { DeskPresence } from '@shared/presence/presence'
import { floorEntrySchema } from '@shared/presence/presence'
import type { RealtimeMessage } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import { RealtimeClient } from '../../support/realtime-client'
import { buildTestApp, login } from '../../support/server-app'
import { deskPresence } from '@support/desk-presence'

const EXPIRY_MS = 1500

async function listen(app: ZodApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (typeof address !== 'object' || !address) throw new Error('no address')
  return `ws://127.0.0.1:${address.port}/api/realtime`
}

function presence(over: Partial<DeskPresence> = {}): DeskPresence {
  return deskPresence(new Date().toISOString(), over)
}

const entryOf = (m: RealtimeMessage) =>
  m.type === 'floor:entry' ? floorEntrySchema.parse(m.entry) : null

describeOnEngines('live presence on %s', { app: false }, ({ database }) => {
  let appA: ZodApp
  let appB: ZodApp
  let urlA: string
  let urlB: string
  const open: RealtimeClient[] = []

  async function connect(url: string, app: ZodApp, username: string) {
    const { accessToken, user } = await login(app, username)
    const client = new RealtimeClient(`${url}?token=${accessToken}`)
    open.push(client)
    await client.next((m) => m.type === 'hello')
    return { client, userId: user.id }
  }

  beforeAll(async () => {
    appA = await buildTestApp(database.db, { presenceExpiryMs: EXPIRY_MS })
    appB = await buildTestApp(await database.openAnother(), { presenceExpiryMs: EXPIRY_MS })
    urlA = await listen(appA)
    urlB = await listen(appB)
  })
  afterAll(async () => {
    for (const client of open) client.close()
    await appA.close()
    await appB.close()
  })

  it("brings a desk's presence on one instance to its team's lead and the admin on the other", async () => {
    const carla = await connect(urlB, appB, 'carla')
    const admin = await connect(urlB, appB, 'admin')
    const elena = await connect(urlA, appA, 'elena')
    const bruno = await connect(urlA, appA, 'bruno')
    const tomas = await connect(urlB, appB, 'tomas')
    const ana = await connect(urlA, appA, 'ana')
    for (const viewer of [carla, admin, elena]) await viewer.client.next((m) => m.type === 'floor')
    await ana.client.send({
      type: 'presence',
      presence: presence({
        state: 'on_call',
        call: {
          id: 'call-1',
          direction: 'inbound',
          practice: true,
          number: '+34600111222',
          party: 'customer',
          customerId: null,
          name: '<img src=x onerror=alert(1)> Núñez',
          valueTier: 'high_yield',
          phase: 'active',
          startedAt: new Date().toISOString(),
          answeredAt: new Date().toISOString(),
          otherLines: 0
        },
        script: {
          scriptId: 'retention',
          version: 2,
          nodeId: 'offer',
          stepTitle: 'Oferta de retención',
          jumps: []
        }
      })
    })
    for (const viewer of [carla, admin]) {
      const entry = entryOf(await viewer.client.next((m) => entryOf(m)?.agentId === ana.userId))
      expect(entry).toMatchObject({ status: 'live', presence: { state: 'on_call' } })
      expect(entry?.presence.script?.stepTitle).toBe('Oferta de retención')
      expect(entry?.presence.call?.name).toBe('<img src=x onerror=alert(1)> Núñez')
    }
    // The step changes: the lead gets the new one.
    await ana.client.send({
      type: 'presence',
      presence: presence({ state: 'wrap_up', wrapUpSince: new Date().toISOString() })
    })
    await carla.client.next((m) => entryOf(m)?.presence.state === 'wrap_up')
    // Another team's lead, a teammate and a trainer never receive it.
    for (const other of [elena, bruno, tomas]) {
      expect(other.client.queued.filter((m) => m.type.startsWith('floor:'))).toEqual([])
    }
    expect(bruno.client.queued.some((m) => m.type === 'floor')).toBe(false)
    // A lead who connects later gets it in the floor at once.
    const late = await connect(urlA, appA, 'carla')
    const floor = await late.client.next((m) => m.type === 'floor')
    const entries =
      floor.type === 'floor' ? floor.entries.map((e) => floorEntrySchema.parse(e)) : []
    expect(entries.find((e) => e.agentId === ana.userId)?.presence.state).toBe('wrap_up')
    expect(entries.every((e) => e.teamId === entries[0]?.teamId)).toBe(true)
    ana.client.close()
  })

  it('drops what is not a valid presence, and what agents of no desk send', async () => {
    const carla = await connect(urlA, appA, 'carla')
    const bruno = await connect(urlA, appA, 'bruno')
    await carla.client.next((m) => m.type === 'floor')
    await bruno.client.send({ type: 'presence', presence: { state: 'on_call' } })
    bruno.client.socket.send('not json')
    await bruno.client.send({ type: 'presence', presence: presence({ state: 'bogus' as 'ready' }) })
    // A lead cannot publish for anyone.
    await carla.client.send({ type: 'presence', presence: presence() })
    await bruno.client.send({
      type: 'presence',
      presence: presence({ state: 'not_ready', pauseReason: 'break' })
    })
    const entry = entryOf(await carla.client.next((m) => entryOf(m)?.agentId === bruno.userId))
    expect(entry?.presence).toMatchObject({ state: 'not_ready', pauseReason: 'break' })
    expect(carla.client.queued.filter((m) => entryOf(m)?.agentId === carla.userId)).toEqual([])
  })

  it('shows a silent desk lost after the expiry, and a signed-out one offline', async () => {
    const startedAt = new Date(Date.now() - 1).toISOString()
    const carla = await connect(urlB, appB, 'carla')
    await carla.client.next((m) => m.type === 'floor')
    const ana = await connect(urlA, appA, 'ana')
    const bruno = await connect(urlA, appA, 'bruno')
    await ana.client.send({ type: 'presence', presence: presence({ state: 'on_call' }) })
    await bruno.client.send({ type: 'presence', presence: presence() })
    await carla.client.next((m) => entryOf(m)?.agentId === ana.userId)
    await bruno.client.send({ type: 'presence:leave' })
    const offline = await carla.client.next(
      (m) => entryOf(m)?.agentId === bruno.userId && entryOf(m)?.status === 'offline'
    )
    expect(offline.type).toBe('floor:entry')
    // Ana's socket stays open but says nothing: beats, not sockets, decide.
    const lost = entryOf(
      await carla.client.next(
        (m) => entryOf(m)?.agentId === ana.userId && entryOf(m)?.status === 'lost',
        EXPIRY_MS * 4
      )
    )
    expect(lost?.presence.state).toBe('on_call')
    const back = presence({ state: 'ready' })
    await ana.client.send({ type: 'presence', presence: back })
    await carla.client.next(
      (m) => entryOf(m)?.agentId === ana.userId && entryOf(m)?.status === 'live'
    )
    // The durable record: one loss (both instances aged the desk), then its state again.
    // The server waits a few seconds for the desk's own record before writing the restore.
    await expect
      .poll(
        async () => {
          // The desk beats while the test waits, so it is not lost a second time meanwhile.
          await ana.client.send({ type: 'presence', presence: back })
          const rows = await database.db.query<{ state: string; source: string }>(
            `SELECT state, source FROM agent_states WHERE agent_id = $1 AND since >= $2
           ORDER BY since, received_at`,
            [ana.userId, startedAt]
          )
          const facts = rows.map((r) => `${r.source}:${r.state}`)
          // Ana's desk from the first test may be lost and restored here too, depending on timing;
          // a loss is never recorded twice in a row, and the last two facts are this test's.
          return {
            lostTwiceInARow: facts.some(
              (f, i) => f === 'system:connection_lost' && facts[i + 1] === f
            ),
            last: facts.slice(-2)
          }
        },
        { timeout: 15_000 }
      )
      .toEqual({ lostTwiceInARow: false, last: ['system:connection_lost', 'system:ready'] })
  })
})
