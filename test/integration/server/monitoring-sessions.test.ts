/**
 * Redeeming grants and living sessions, on PGlite and PostgreSQL, with two server instances on
 * one database: once only, by the grant's agent only, not expired, not forged (another key, or
 * another `kid`), across a key rotation on the other instance; a session's mode and end with who
 * may do them; a desk's own refusals; the admins' log. A third instance signs with a key file
 * (`ATIENDE_MONITOR_KEY_FILE`), which is how grants the server never issued are made here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { decodeProtectedHeader, importJWK, SignJWT, type JWK } from 'jose'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { newKeyPair } from '@server/monitoring/monitoring-keys'
import { MONITOR_GRANT_TYPE } from '@shared/monitoring/monitoring'
import {
  monitorStartReplySchema,
  monitoringSessionViewSchema
} from '@shared/monitoring/monitoring-api'
import { describeOnEngines } from '@support/engine-suite'
import { deskCall, MonitoringFloor, startInstance } from '../../support/monitoring-floor'

const refusal = (reason: string) => ({ error: 'monitoring_refused', reason })

describeOnEngines('monitoring sessions on %s', { app: false }, ({ database }) => {
  let floor: MonitoringFloor
  let dir: string
  let fileKey: { kid: string; privateJwk: JWK }
  let ana: string
  let carla: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atiende-monitor-'))
    fileKey = await newKeyPair()
    const keyFile = join(dir, 'monitor-key.json')
    await writeFile(keyFile, JSON.stringify(fileKey.privateJwk))
    floor = new MonitoringFloor([
      await startInstance(database),
      await startInstance(database, {}, true),
      await startInstance(database, { monitoring: { keyFile } }, true)
    ])
    ana = await floor.onCall('ana', deskCall('call-ana'), 0)
    carla = (await floor.user('carla')).id
  })
  afterAll(async () => {
    await floor.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function grant(on = 0, mode = 'listen') {
    const answer = await floor.call(
      'carla',
      'POST',
      '/api/monitoring/grants',
      { agentId: ana, callId: 'call-ana', mode },
      on
    )
    const reply = monitorStartReplySchema.parse(answer.body)
    if (reply.method !== 'builtin') throw new Error('expected a built-in grant')
    return reply
  }
  const redeem = (who: string, token: string, on = 1) =>
    floor.call(who, 'POST', '/api/monitoring/redeem', { token }, on)

  /** A grant the server never issued, signed with `jwk` under `kid`. */
  async function craft(jwk: JWK, kid: string, over: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT({
      iss: 'atiende',
      jti: crypto.randomUUID(),
      sub: ana,
      lead: carla,
      leadName: 'Carla Méndez',
      call: 'call-ana',
      mode: 'listen',
      modes: ['listen'],
      iat: now,
      exp: now + 30,
      ...over
    })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: MONITOR_GRANT_TYPE })
      .sign(await importJWK(jwk, 'EdDSA'))
  }

  it('redeems a grant once, for its own agent only, on any instance', async () => {
    const issued = await grant(0, 'whisper')
    expect((await redeem('bruno', issued.token)).body).toEqual(refusal('not_for_this_desk'))
    const first = await redeem('ana', issued.token)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ claims: { jti: issued.sessionId, mode: 'whisper' } })
    const again = await redeem('ana', issued.token, 0)
    expect(again).toEqual({ status: 409, body: refusal('already_used') })
  })

  it('refuses an expired grant, a forged one, and one the server never issued', async () => {
    const past = Math.floor(Date.now() / 1000) - 120
    const expired = await craft(fileKey.privateJwk, fileKey.kid, { iat: past, exp: past + 30 })
    expect((await redeem('ana', expired, 2)).body).toEqual(refusal('expired'))
    const unissued = await craft(fileKey.privateJwk, fileKey.kid)
    expect((await redeem('ana', unissued, 2)).body).toEqual(refusal('unknown_grant'))
    // The other instances do not hold that file: to them it is a key they never published.
    expect((await redeem('ana', unissued, 0)).body).toEqual(refusal('invalid_grant'))
    const real = await grant()
    const forger = await newKeyPair()
    const currentKid = decodeProtectedHeader(real.token).kid ?? ''
    for (const kid of [currentKid, forger.kid]) {
      const forged = await craft(forger.privateJwk, kid, { jti: real.sessionId })
      expect((await redeem('ana', forged)).body, kid).toEqual(refusal('invalid_grant'))
    }
    // A forged grant names no session, whatever jti it claims.
    const rows = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM monitoring_events
       WHERE kind = 'refused' AND detail = 'invalid_grant' AND session_id IS NOT NULL`
    )
    expect(rows[0]?.n).toBe(0)
    expect((await redeem('ana', real.token)).status).toBe(200)
  })

  it('refuses a grant for a call the desk no longer has', async () => {
    const issued = await grant()
    await floor.onCall('ana', deskCall('call-next'), 1)
    expect((await redeem('ana', issued.token)).body).toEqual(refusal('call_changed'))
    await floor.onCall('ana', deskCall('call-ana'), 0)
  })

  it('keeps grants signed before a rotation valid, and publishes both keys', async () => {
    const before = await grant(0)
    const oldKid = decodeProtectedHeader(before.token).kid
    expect((await floor.call('carla', 'POST', '/api/admin/monitoring/keys/rotate')).status).toBe(
      403
    )
    const rotated = await floor.call(
      'admin',
      'POST',
      '/api/admin/monitoring/keys/rotate',
      undefined,
      1
    )
    const newKid = (rotated.body as { kid: string }).kid
    expect(newKid).not.toBe(oldKid)
    const keys = (await floor.call('ana', 'GET', '/api/monitoring/keys', undefined, 1)).body as {
      keys: { kid: string }[]
    }
    expect(keys.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]))
    expect((await redeem('ana', before.token, 1)).status).toBe(200)
    // Instance 1 signs with the new key; instance 0 still has the old ones cached, and reads
    // the keys again for the unknown kid.
    const after = await grant(1)
    expect(decodeProtectedHeader(after.token).kid).toBe(newKid)
    expect((await redeem('ana', after.token, 0)).status).toBe(200)
  })

  it("switches mode within the grant's modes, by its lead only, audited", async () => {
    const issued = await grant()
    const path = `/api/monitoring/sessions/${issued.sessionId}/mode`
    expect((await floor.call('carla', 'POST', path, { mode: 'barge' })).status).toBe(200)
    expect((await floor.call('ana', 'POST', path, { mode: 'listen' })).body).toEqual(
      refusal('not_permitted')
    )
    expect((await floor.call('elena', 'POST', path, { mode: 'listen' })).status).toBe(403)
    const unknown = `/api/monitoring/sessions/${crypto.randomUUID()}/mode`
    expect((await floor.call('carla', 'POST', unknown, { mode: 'listen' })).body).toEqual(
      refusal('unknown_grant')
    )
    const audit = await database.db.query<{ action: string; details: { mode?: string } }>(
      `SELECT action, details FROM audit_log WHERE target = $1 ORDER BY id`,
      [issued.sessionId]
    )
    expect(audit.map((a) => [a.action, a.details.mode])).toEqual([
      ['monitoring.issued', 'listen'],
      ['monitoring.mode', 'barge']
    ])
  })

  it('ends a session once, by its lead or its agent, whoever is first', async () => {
    const issued = await grant()
    const path = `/api/monitoring/sessions/${issued.sessionId}/end`
    expect((await floor.call('elena', 'POST', path, { reason: 'stopped' })).status).toBe(403)
    expect((await floor.call('ana', 'POST', path, { reason: 'call_ended' })).body).toEqual({
      ended: true
    })
    expect((await floor.call('carla', 'POST', path, { reason: 'stopped' }, 1)).body).toEqual({
      ended: true
    })
    expect((await floor.call('carla', 'POST', path, { reason: 'why' })).status).toBe(400)
    const rows = await database.db.query<{ end_reason: string; ended: number }>(
      `SELECT end_reason, (SELECT count(*)::int FROM monitoring_events
         WHERE session_id = s.id AND kind = 'ended') AS ended
       FROM monitoring_sessions s WHERE id = $1`,
      [issued.sessionId]
    )
    expect(rows).toEqual([{ end_reason: 'call_ended', ended: 1 }])
    // An ended session's grant is not redeemed any more.
    expect((await redeem('ana', issued.token)).status).toBe(409)
  })

  it("keeps a desk's own refusals for the audit, the signalled text as text", async () => {
    const hostile = '"><script>alert(1)</script> sip:evil@x'
    const report = { reason: 'expired', sessionId: null, claimedLeadId: carla, from: hostile }
    const answer = await floor.call('ana', 'POST', '/api/monitoring/refusals', report)
    expect(answer.status).toBe(204)
    const audit = await database.db.query<{ actor_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'monitoring.refused'
       AND details->>'stage' = 'desk'`
    )
    expect(audit).toEqual([
      {
        actor_id: ana,
        details: {
          detail: 'expired',
          stage: 'desk',
          claimedSessionId: null,
          claimedLeadId: carla,
          from: hostile
        }
      }
    ])
    const bad = { ...report, reason: 'because' }
    expect((await floor.call('ana', 'POST', '/api/monitoring/refusals', bad)).status).toBe(400)
  })

  it('lists sessions with their events and names for admins only', async () => {
    expect((await floor.call('carla', 'GET', '/api/admin/monitoring/sessions')).status).toBe(403)
    const answer = await floor.call('admin', 'GET', '/api/admin/monitoring/sessions?limit=3')
    expect(answer.status).toBe(200)
    const sessions = (answer.body as { sessions: unknown[] }).sessions.map((s) =>
      monitoringSessionViewSchema.parse(s)
    )
    expect(sessions).toHaveLength(3)
    const ended = sessions.find((s) => s.endReason === 'call_ended')
    expect(ended).toMatchObject({ leadName: 'Carla Méndez', agentName: 'Ana Ortiz' })
    expect(ended?.events.map((e) => [e.kind, e.actorName, e.detail])).toEqual([
      ['issued', 'Carla Méndez', 'builtin'],
      ['ended', 'Ana Ortiz', 'call_ended'],
      ['refused', 'Ana Ortiz', 'already_used']
    ])
    expect(sessions.map((s) => s.issuedAt)).toEqual(
      sessions
        .map((s) => s.issuedAt)
        .sort()
        .reverse()
    )
  })
})
