/**
 * Monitoring through the data worker's requests against the real server, on PGlite and
 * PostgreSQL: a lead starts a session for an agent whose desk is on the live floor (through the
 * real realtime socket); the agent's worker admits the grant (checked with the cached keys, then
 * redeemed once), refuses by itself what is not for it and reports it, follows a key rotation,
 * and refuses when the server cannot redeem; the lead switches mode and ends; admins read the log.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { admitGrant } from '@renderer/workers/data/monitoring/admit'
import { GrantKeys } from '@renderer/workers/data/monitoring/grant-keys'
import {
  endMonitoring,
  listMonitoringSessions,
  startMonitoring,
  switchMonitoringMode
} from '@renderer/workers/data/monitoring/lead-requests'
import { systemTimers } from '@renderer/workers/data/runtime/system-timers'
import type { ServerAccess } from '@renderer/workers/data/session/session'
import { describeOnEngines } from '@support/engine-suite'
import { deskPresence } from '@support/desk-presence'
import { deskCall } from '../support/monitoring-floor'
import { RealtimeClient } from '../support/realtime-client'
import { createTestDatabase } from '../support/server-db'
import { useTestServer } from '../support/worker-server'

type User = 'ana' | 'bruno' | 'carla' | 'admin'

describeOnEngines('monitoring through the data worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer<User>({
    users: ['ana', 'bruno', 'carla', 'admin'],
    database: () => createTestDatabase(engine)
  })
  let desk: RealtimeClient
  const access = (user: User, serverUrl = server.url): ServerAccess => ({
    fetch: (url, init) => fetch(url, init),
    serverUrl,
    timers: systemTimers,
    accessToken: () => tokens(user).accessToken,
    refreshTokens: () => Promise.resolve()
  })
  /** Nothing listens there: every request fails to connect. */
  const nowhere = 'http://127.0.0.1:9'

  beforeAll(async () => {
    const ws = server.url.replace('http', 'ws')
    desk = new RealtimeClient(`${ws}/api/realtime?token=${tokens('ana').accessToken}`)
    await desk.next((m) => m.type === 'hello')
    const now = new Date().toISOString()
    await desk.send({
      type: 'presence',
      presence: deskPresence(now, { state: 'on_call', call: deskCall('call-ana') })
    })
  })
  afterAll(() => {
    desk.close()
  })

  async function start(mode: 'listen' | 'whisper' | 'barge' = 'listen') {
    let token = ''
    let sessionId = ''
    // The desk's first frame reaches the floor a moment after it is sent.
    await vi.waitFor(
      async () => {
        const started = await startMonitoring(access('carla'), {
          agentId: userId('ana'),
          callId: 'call-ana',
          mode
        })
        if (!started.ok || started.start.method !== 'builtin') throw new Error('not yet')
        token = started.start.token
        sessionId = started.start.sessionId
      },
      { timeout: 10_000, interval: 50 }
    )
    return { token, sessionId }
  }

  const refusedReports = () =>
    server.db.query<{ actor_id: string; detail: string }>(
      `SELECT actor_id, details->>'detail' AS detail FROM audit_log
       WHERE action = 'monitoring.refused' AND details->>'stage' = 'desk' ORDER BY id`
    )

  it("admits a grant once on the agent's desk, and refuses and reports one for another desk", async () => {
    const anasKeys = new GrantKeys(access('ana'))
    expect((await anasKeys.current())?.keys.length).toBe(1)
    const { token } = await start('whisper')
    const args = { token, callIds: ['call-other', 'call-ana'], from: 'sip:2001@atiende.local' }
    expect(
      await admitGrant(access('bruno'), new GrantKeys(access('bruno')), userId('bruno'), args)
    ).toEqual({ ok: false, reason: 'not_for_this_desk' })
    const admitted = await admitGrant(access('ana'), anasKeys, userId('ana'), args)
    expect(admitted).toMatchObject({
      ok: true,
      claims: { mode: 'whisper', leadName: 'Carla Méndez' }
    })
    expect(await admitGrant(access('ana'), anasKeys, userId('ana'), args)).toEqual({
      ok: false,
      reason: 'already_used'
    })
    const wrongCall = await admitGrant(access('ana'), anasKeys, userId('ana'), {
      ...args,
      callIds: ['call-other']
    })
    expect(wrongCall).toEqual({ ok: false, reason: 'call_changed' })
    const late = await admitGrant(
      access('ana'),
      anasKeys,
      userId('ana'),
      args,
      () => new Date(Date.now() + 5 * 60_000)
    )
    expect(late).toEqual({ ok: false, reason: 'expired' })
    // The desk does not wait for its reports (the INVITE is refused at once): they arrive after.
    await expect.poll(async () => (await refusedReports()).length).toBe(3)
    expect(await refusedReports()).toEqual(
      expect.arrayContaining([
        { actor_id: userId('bruno'), detail: 'not_for_this_desk' },
        { actor_id: userId('ana'), detail: 'call_changed' },
        { actor_id: userId('ana'), detail: 'expired' }
      ])
    )
  })

  it('follows a key rotation, and refuses what it cannot redeem', async () => {
    const anasKeys = new GrantKeys(access('ana'))
    await anasKeys.current()
    // A desk that had the keys before the rotation and lost the server since.
    let online = true
    const flaky: ServerAccess = {
      ...access('ana'),
      fetch: (url, init) => (online ? fetch(url, init) : Promise.reject(new Error('offline')))
    }
    const cutOffKeys = new GrantKeys(flaky)
    await cutOffKeys.current()
    const rotated = await fetch(`${server.url}/api/admin/monitoring/keys/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens('admin').accessToken}` }
    })
    expect(rotated.status).toBe(200)
    const fresh = await start()
    const args = { token: fresh.token, callIds: ['call-ana'], from: '' }
    online = false
    expect(await admitGrant(flaky, cutOffKeys, userId('ana'), args)).toEqual({
      ok: false,
      reason: 'server_unreachable'
    })
    // Checked with the cached keys first: the new kid is unknown, the keys are fetched again.
    expect(await admitGrant(access('ana'), anasKeys, userId('ana'), args)).toMatchObject({
      ok: true
    })
    expect((await anasKeys.current())?.keys.length).toBe(2)
    const another = await start()
    const unredeemed = await admitGrant(access('ana', nowhere), anasKeys, userId('ana'), {
      ...args,
      token: another.token
    })
    expect(unredeemed).toEqual({ ok: false, reason: 'server_unreachable' })
    const noKeys = new GrantKeys(access('ana', nowhere))
    expect(await admitGrant(access('ana', nowhere), noKeys, userId('ana'), args)).toEqual({
      ok: false,
      reason: 'server_unreachable'
    })
  })

  it("switches mode and ends as the lead; admins read the log; a lead's request fails plainly offline", async () => {
    const { sessionId } = await start()
    expect(await switchMonitoringMode(access('carla'), sessionId, 'barge')).toEqual({ ok: true })
    expect(await switchMonitoringMode(access('ana'), sessionId, 'listen')).toEqual({
      ok: false,
      reason: 'not_permitted'
    })
    expect(await endMonitoring(access('carla'), sessionId, 'stopped')).toEqual({ ended: true })
    expect(await endMonitoring(access('carla', nowhere), sessionId, 'stopped')).toEqual({
      ended: true
    })
    const log = await listMonitoringSessions(access('admin'), 10)
    const session = log.sessions.find((s) => s.id === sessionId)
    expect(session?.events.map((e) => e.kind)).toEqual(['issued', 'mode', 'ended'])
    await expect(listMonitoringSessions(access('carla'), 10)).rejects.toThrow(/admins/)
    const offline = await startMonitoring(access('carla', nowhere), {
      agentId: userId('ana'),
      callId: 'call-ana',
      mode: 'listen'
    })
    expect(offline).toMatchObject({ ok: false, reason: 'unreachable' })
  })
})
