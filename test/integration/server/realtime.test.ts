import { afterAll, beforeAll, expect, it } from 'vitest'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import type { ZodApp } from '@server/http/route-context'
import { describeOnEngines } from '@support/engine-suite'
import { RealtimeClient } from '../../support/realtime-client'
import { buildTestApp, complaintMutation, login, pull, push } from '../../support/server-app'

async function listen(app: ZodApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (typeof address !== 'object' || !address) throw new Error('no address')
  return `ws://127.0.0.1:${address.port}/api/realtime`
}

describeOnEngines('realtime on %s', { app: false }, ({ database }) => {
  let appA: ZodApp
  let appB: ZodApp
  let urlA: string
  let urlB: string

  beforeAll(async () => {
    appA = await buildTestApp(database.db)
    appB = await buildTestApp(await database.openAnother())
    urlA = await listen(appA)
    urlB = await listen(appB)
  })
  afterAll(async () => {
    await appA.close()
    await appB.close()
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
      const before = (await pull(appB, accessToken)).cursor
      const mutation = complaintMutation()
      const { cursor } = await push(appA, accessToken, [mutation])
      expect(await onB.next((m) => m.type === 'poke' && m.cursor >= cursor)).toEqual({
        type: 'poke',
        cursor
      })
      const seenOnB = await pull(appB, accessToken, before)
      expect(seenOnB.changes.map((c) => ('id' in c.data ? c.data.id : null))).toContain(
        mutation.args['id']
      )
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
