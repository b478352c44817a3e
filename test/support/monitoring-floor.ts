/**
 * Monitoring tests' floor: two server instances on one database (as behind a load balancer),
 * agents put on the live floor through the real realtime socket with the call a test names, and
 * the monitoring routes called as each demo user.
 */
import type { AppOptions } from '@server/app'
import type { ZodApp } from '@server/http/route-context'
import type { PresenceCall } from '@shared/presence/presence'
import { floorEntrySchema } from '@shared/presence/presence'
import type { TestDatabase } from './server-db'
import { deskPresence } from './desk-presence'
import { RealtimeClient } from './realtime-client'
import { buildTestApp, login } from './server-app'

export interface Instance {
  app: ZodApp
  url: string
}

export async function startInstance(
  database: TestDatabase,
  options: Partial<AppOptions> = {},
  another = false
): Promise<Instance> {
  const app = await buildTestApp(another ? await database.openAnother() : database.db, options)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (typeof address !== 'object' || !address) throw new Error('no address')
  return { app, url: `127.0.0.1:${String(address.port)}` }
}

/** A call on a desk, as the desk publishes it. */
export function deskCall(id: string, over: Partial<PresenceCall> = {}): PresenceCall {
  const now = new Date().toISOString()
  return {
    id,
    direction: 'inbound',
    practice: false,
    number: '+34600111222',
    party: 'customer',
    customerId: null,
    name: 'José Núñez',
    valueTier: null,
    phase: 'active',
    startedAt: now,
    answeredAt: now,
    otherLines: 0,
    ...over
  }
}

export class MonitoringFloor {
  private readonly sockets: RealtimeClient[] = []
  private readonly tokens = new Map<string, { token: string; id: string }>()

  constructor(readonly instances: Instance[]) {}

  async user(username: string): Promise<{ token: string; id: string }> {
    const known = this.tokens.get(username)
    if (known) return known
    const first = this.instances[0]
    if (!first) throw new Error('no instance')
    const { accessToken, user } = await login(first.app, username)
    const made = { token: accessToken, id: user.id }
    this.tokens.set(username, made)
    return made
  }

  /**
   * Puts `username`'s desk on the floor through instance `on` with `call` (none: ready), and
   * waits until every instance has it (each holds the whole floor).
   */
  async onCall(username: string, call: PresenceCall | null, on = 0): Promise<string> {
    const { token, id } = await this.user(username)
    const instance = this.instances[on]
    if (!instance) throw new Error('no instance')
    const watchers = await Promise.all(
      this.instances.map(async (i) => {
        const watcher = new RealtimeClient(
          `ws://${i.url}/api/realtime?token=${(await this.user('admin')).token}`
        )
        this.sockets.push(watcher)
        await watcher.next((m) => m.type === 'floor')
        return watcher
      })
    )
    const desk = new RealtimeClient(`ws://${instance.url}/api/realtime?token=${token}`)
    this.sockets.push(desk)
    await desk.next((m) => m.type === 'hello')
    const now = new Date().toISOString()
    await desk.send({
      type: 'presence',
      presence: deskPresence(now, call ? { state: 'on_call', since: now, call } : {})
    })
    for (const watcher of watchers) {
      await watcher.next((m) => {
        if (m.type !== 'floor:entry') return false
        const entry = floorEntrySchema.parse(m.entry)
        return entry.agentId === id && entry.presence.call?.id === call?.id
      })
      watcher.close()
    }
    return id
  }

  /** Calls a route on instance `on` as `username`; answers the status and the parsed body. */
  async call(
    username: string,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    on = 0
  ): Promise<{ status: number; body: unknown }> {
    const instance = this.instances[on]
    if (!instance) throw new Error('no instance')
    const response = await fetch(`http://${instance.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${(await this.user(username)).token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.close()
    for (const instance of this.instances) await instance.app.close()
  }
}
