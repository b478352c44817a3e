/**
 * Issuing monitoring grants, on PGlite and PostgreSQL, with two server instances on one database:
 * the desk is on the floor through one instance, the lead asks the other. Who may monitor whom,
 * the policy's modes, the agent's live call (none, another, practice), the PBX method, and the
 * keys both instances make at first start.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { MonitoringKeys } from '@server/monitoring/monitoring-keys'
import {
  MONITOR_GRANT_TTL_SECONDS,
  MONITOR_GRANT_TYPE,
  monitorGrantClaimsSchema
} from '@shared/monitoring/monitoring'
import { monitorStartReplySchema } from '@shared/monitoring/monitoring-api'
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'
import { describeOnEngines } from '@support/engine-suite'
import { deskCall, MonitoringFloor, startInstance } from '../../support/monitoring-floor'

const GRANTS = '/api/monitoring/grants'
const POLICY = '/api/admin/configuration/monitoring'

describeOnEngines('monitoring grants on %s', { app: false }, ({ database }) => {
  let floor: MonitoringFloor
  let ana: string
  let bruno: string
  let diego: string

  beforeAll(async () => {
    // Two instances making the first key at once both end up with the one kept.
    const first = new MonitoringKeys(database.db)
    const second = new MonitoringKeys(await database.openAnother())
    const [a, b] = await Promise.all([first.signingKey(), second.signingKey()])
    expect(a.kid).toBe(b.kid)
    expect((await first.published()).map((k) => k.kid)).toEqual([a.kid])

    floor = new MonitoringFloor([
      await startInstance(database),
      await startInstance(database, {}, true)
    ])
    ana = await floor.onCall('ana', deskCall('call-ana'), 0)
    bruno = await floor.onCall('bruno', deskCall('call-bruno', { practice: true }), 0)
    diego = (await floor.user('diego')).id
  })
  afterAll(async () => {
    await floor.close()
  })

  const ask = (who: string, agentId: string, callId: string, mode = 'listen', on = 1) =>
    floor.call(who, 'POST', GRANTS, { agentId, callId, mode }, on)
  const setPolicy = async (policy: MonitoringPolicy) => {
    expect((await floor.call('admin', 'PUT', POLICY, policy)).status).toBe(200)
  }

  it("grants the agent's team lead and admins, signed as a grant, and nobody else", async () => {
    for (const who of ['ana', 'tomas', 'elena']) {
      const refused = await ask(who, ana, 'call-ana')
      expect(refused, who).toEqual({
        status: 403,
        body: { error: 'monitoring_refused', reason: 'not_permitted' }
      })
    }
    for (const who of ['carla', 'admin']) {
      const granted = await ask(who, ana, 'call-ana', 'whisper')
      expect(granted.status, who).toBe(201)
      const reply = monitorStartReplySchema.parse(granted.body)
      if (reply.method !== 'builtin') throw new Error('expected a built-in grant')
      expect(reply.target).toBe('sip:1001@atiende.local')
      const header = decodeProtectedHeader(reply.token)
      expect(header).toMatchObject({ alg: 'EdDSA', typ: MONITOR_GRANT_TYPE })
      const claims = monitorGrantClaimsSchema.parse(decodeJwt(reply.token))
      expect(claims).toMatchObject({
        jti: reply.sessionId,
        sub: ana,
        lead: (await floor.user(who)).id,
        call: 'call-ana',
        mode: 'whisper',
        modes: ['listen', 'whisper', 'barge']
      })
      expect(claims.exp - claims.iat).toBe(MONITOR_GRANT_TTL_SECONDS)
      if (who === 'carla') expect(claims.leadName).toBe('Carla Méndez')
      const keys = (await floor.call(who, 'GET', '/api/monitoring/keys')).body as {
        keys: { kid: string; d?: string }[]
      }
      expect(keys.keys.map((k) => k.kid)).toContain(header.kid)
      expect(keys.keys.every((k) => k.d === undefined)).toBe(true)
    }
    const audit = await database.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'monitoring.%'
       GROUP BY action ORDER BY action`
    )
    expect(audit).toEqual([
      { action: 'monitoring.issued', n: 2 },
      { action: 'monitoring.refused', n: 3 }
    ])
    const refusals = await database.db.query<{ session_id: string | null; detail: string }>(
      `SELECT session_id, detail FROM monitoring_events WHERE kind = 'refused'`
    )
    expect(refusals).toEqual(Array(3).fill({ session_id: null, detail: 'not_permitted' }))
  })

  it('refuses modes the policy does not give the role', async () => {
    await setPolicy({
      ...DEFAULT_MONITORING_POLICY,
      permissions: { team_lead: ['listen'], admin: ['listen', 'barge'] }
    })
    try {
      expect((await ask('carla', ana, 'call-ana', 'barge')).body).toEqual({
        error: 'monitoring_refused',
        reason: 'mode_not_permitted'
      })
      const listen = await ask('carla', ana, 'call-ana', 'listen')
      expect(listen.status).toBe(201)
      expect(monitorStartReplySchema.parse(listen.body).modes).toEqual(['listen'])
      expect((await ask('admin', ana, 'call-ana', 'barge')).status).toBe(201)
      expect((await ask('admin', ana, 'call-ana', 'whisper')).status).toBe(403)
    } finally {
      await setPolicy(DEFAULT_MONITORING_POLICY)
    }
  })

  it('refuses an agent with no call, another call, or a practice call', async () => {
    const reasonOf = async (who: string, agentId: string, callId: string) =>
      ((await ask(who, agentId, callId)).body as { reason: string }).reason
    expect(await reasonOf('elena', diego, 'call-x')).toBe('agent_not_on_call')
    expect(await reasonOf('carla', ana, 'call-earlier')).toBe('call_changed')
    expect(await reasonOf('carla', bruno, 'call-bruno')).toBe('practice_call')
    // The desk on the other instance is known to this one too.
    expect(await reasonOf('carla', bruno, 'call-bruno')).toBe('practice_call')
    expect((await ask('carla', ana, 'call-ana', 'listen', 0)).status).toBe(201)
    // The call ends: the floor says so at once.
    await floor.onCall('ana', null, 1)
    expect(await reasonOf('carla', ana, 'call-ana')).toBe('agent_not_on_call')
    await floor.onCall('ana', deskCall('call-ana'), 0)
  })

  it('answers the PBX dial string and switch keys under the PBX method, still recording it', async () => {
    await setPolicy({ ...DEFAULT_MONITORING_POLICY, method: 'pbx' })
    try {
      const answer = await ask('carla', ana, 'call-ana', 'whisper')
      expect(answer.status).toBe(201)
      const reply = monitorStartReplySchema.parse(answer.body)
      expect(reply).toMatchObject({
        method: 'pbx',
        mode: 'whisper',
        dialString: '*2231001',
        switchKeys: { listen: '4', whisper: '5', barge: '6' },
        dtmfMethod: 'auto'
      })
      const rows = await database.db.query<{ method: string; call_id: string }>(
        'SELECT method, call_id FROM monitoring_sessions WHERE id = $1',
        [reply.sessionId]
      )
      expect(rows).toEqual([{ method: 'pbx', call_id: 'call-ana' }])
    } finally {
      await setPolicy(DEFAULT_MONITORING_POLICY)
    }
  })

  it('validates the request', async () => {
    expect(
      (await floor.call('carla', 'POST', GRANTS, { agentId: ana, mode: 'listen' })).status
    ).toBe(400)
    expect((await ask('carla', ana, 'call-ana', 'spy')).status).toBe(400)
  })
})
