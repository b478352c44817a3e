import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { PROTOCOL_VERSION, realtimeMessageSchema } from '../../../src/shared/sync/protocol'
import type { RealtimeMessage } from '../../../src/shared/sync/protocol'
import type { ZodApp } from '../../../src/server/routes/route-context'
import { engines, createTestDatabase, type TestDatabase } from '../../support/server-db'
import { buildTestApp, complaintMutation, login, push } from '../../support/server-app'

/** A WebSocket client that queues every message so tests can wait for the one they expect. */
class RealtimeClient {
  private readonly messages: RealtimeMessage[] = []
  private readonly waiters: (() => void)[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  readonly socket: WebSocket

  constructor(url: string) {
    this.socket = new WebSocket(url)
    this.socket.on('message', (data: Buffer) => {
      this.messages.push(realtimeMessageSchema.parse(JSON.parse(data.toString('utf8'))))
      this.waiters.splice(0).forEach((wake) => {
        wake()
      })
    })
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  /** The first queued message matching `predicate`, waiting up to `timeoutMs`. */
  async next(
    predicate: (m: RealtimeMessage) => boolean,
    timeoutMs = 5000
  ): Promise<RealtimeMessage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.messages.findIndex(predicate)
      if (index >= 0) return this.messages.splice(index, 1)[0] ?? Promise.reject(new Error('gone'))
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('No matching realtime message arrived in time')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  close(): void {
    this.socket.close()
  }
}

async function listen(app: ZodApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (typeof address !== 'object' || !address) throw new Error('no address')
  return `ws://127.0.0.1:${address.port}/api/realtime`
}

describe.each(engines)('realtime on %s', (engine) => {
  let database: TestDatabase
  let appA: ZodApp
  let appB: ZodApp
  let urlA: string
  let urlB: string

  beforeAll(async () => {
    database = await createTestDatabase(engine)
    appA = await buildTestApp(database.db)
    appB = await buildTestApp(await database.openAnother())
    urlA = await listen(appA)
    urlB = await listen(appB)
  })
  afterAll(async () => {
    await appA.close()
    await appB.close()
    await database.dispose()
  })

  it('greets an authenticated client and pokes it after a push', async () => {
    const { accessToken } = await login(appA, 'ana')
    const client = new RealtimeClient(`${urlA}?token=${accessToken}`)
    try {
      expect(await client.next((m) => m.type === 'hello')).toEqual({
        type: 'hello',
        protocolVersion: PROTOCOL_VERSION
      })
      const { cursor } = await push(appA, accessToken, [complaintMutation()])
      const poke = await client.next((m) => m.type === 'poke' && m.cursor >= cursor)
      expect(poke).toEqual({ type: 'poke', cursor })
    } finally {
      client.close()
    }
  })

  it('closes an unauthenticated socket with code 4401', async () => {
    for (const url of [urlA, `${urlA}?token=forged`]) {
      const client = new RealtimeClient(url)
      expect((await client.closed).code).toBe(4401)
    }
  })

  it('pokes the clients of another instance on the same database', async () => {
    const { accessToken } = await login(appA, 'diego')
    const onB = new RealtimeClient(`${urlB}?token=${accessToken}`)
    try {
      await onB.next((m) => m.type === 'hello')
      const { cursor } = await push(appA, accessToken, [complaintMutation()])
      expect(await onB.next((m) => m.type === 'poke' && m.cursor >= cursor)).toEqual({
        type: 'poke',
        cursor
      })
    } finally {
      onB.close()
    }
  })

  it('closes its clients when the server shuts down', async () => {
    const extra = await buildTestApp(database.db)
    const url = await listen(extra)
    const { accessToken } = await login(extra, 'bruno')
    const client = new RealtimeClient(`${url}?token=${accessToken}`)
    await client.next((m) => m.type === 'hello')
    await extra.close()
    expect((await client.closed).code).toBe(1001)
  })
})
