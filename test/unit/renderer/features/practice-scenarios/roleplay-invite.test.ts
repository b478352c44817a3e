/**
 * A role-play INVITE on the trainee's desk: routed apart from calls and monitoring by the user
 * agent, rung only once the data worker verified and redeemed its session and the scenario was
 * read, refused 403 with the reason otherwise. The invitation, the worker and the call are fakes
 * (nothing SIP runs here); the signalling through Kamailio is the e2e role-play spec's.
 */
import { describe, expect, it } from 'vitest'

import { MONITOR_GRANT_HEADER } from '@shared/monitoring/monitoring'
import { ROLEPLAY_HEADER } from '@shared/practice/roleplay'
import { admitRoleplayInvite } from '@renderer/features/practice-scenarios/roleplay-invite'
import type { DataClient } from '@renderer/data/worker-client'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { dispatchInvite } from '@renderer/telephony/sip-user-agent'
import { sample } from '../../../shared/practice/support'

const TRAINEE_CALL = 'call-abc'
const claims = {
  iss: 'atiende' as const,
  jti: '6f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10',
  sub: '0b8e4f0e-6c1d-4c8e-8f5a-1f2e3d4c5b6a',
  iat: 1,
  exp: 2,
  trainer: { id: '2d1c0b9a-8f7e-4d6c-9b5a-4e3d2c1b0a98', name: 'Tomás Vidal' },
  scenario: { id: 'retention-objections', version: 1 }
}

function fakeInvite(headers: Record<string, string>, state = 'Initial') {
  const rejected: { statusCode?: number; reasonPhrase?: string }[] = []
  const provisional: number[] = []
  return {
    id: TRAINEE_CALL,
    state,
    rejected,
    provisional,
    progress: () => {
      provisional.push(180)
      return Promise.resolve()
    },
    request: {
      hasHeader: (name: string) => name in headers,
      getHeader: (name: string) => headers[name]
    },
    reject: (options?: { statusCode?: number; reasonPhrase?: string }) => {
      rejected.push(options ?? {})
      return Promise.resolve()
    }
  }
}

/** A data client answering the two requests the admission makes; records what was asked. */
function fakeClient(admit: unknown, scenarioOk = true) {
  const asked: { name: string; args: unknown }[] = []
  const { scenario } = sample('retention-objections')
  const client = {
    send: (name: string, args: unknown) => {
      asked.push({ name, args })
      if (name === 'practice:admitRoleplay') return Promise.resolve(admit)
      if (name === 'practice:scenario') {
        return Promise.resolve(
          scenarioOk
            ? { ok: true, data: { scenario: { scenario } } }
            : { ok: false, error: { code: 'unavailable', message: 'offline' } }
        )
      }
      throw new Error(`unexpected request ${name}`)
    }
  }
  return { client: client as unknown as DataClient, asked }
}

describe('the user agent routes a role-play INVITE', () => {
  it('to the practice check, ringing (180) only when the check rings it, as practice', () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' })
    const calls: unknown[] = []
    let ring: ((practice: PracticeCallScenario) => void) | null = null
    dispatchInvite(
      invite,
      {
        onIncomingCall: (call: unknown) => calls.push(call),
        onPracticeInvite: (_i, r) => {
          ring = r
        }
      },
      (_i, practice) => ({ practice })
    )
    expect(calls).toEqual([])
    expect(invite.provisional).toEqual([])
    const practice = { scenarioId: 's', scenarioVersion: 1 } as PracticeCallScenario
    ;(ring as unknown as (p: PracticeCallScenario) => void)(practice)
    expect(invite.provisional).toEqual([180])
    expect(calls).toEqual([{ practice }])
  })

  it('refuses it (403) on a desk that takes no role-play; monitoring still comes first', () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' })
    dispatchInvite(invite, { onIncomingCall: () => undefined }, () => 'call')
    expect(invite.rejected.map((r) => r.statusCode)).toEqual([403])
    const both = fakeInvite({ [ROLEPLAY_HEADER]: 'jws', [MONITOR_GRANT_HEADER]: 'jws' })
    const monitors: unknown[] = []
    dispatchInvite(
      both,
      { onMonitorInvite: (i) => monitors.push(i), onPracticeInvite: () => undefined },
      () => 'call'
    )
    expect(monitors).toEqual([both])
  })
})

describe("the trainee's desk admits a role-play", () => {
  it('redeems the session for this call, reads the scenario, and rings it as a role-play', async () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: ' jws ' })
    const { client, asked } = fakeClient({ ok: true, data: { ok: true, claims } })
    const rung: PracticeCallScenario[] = []
    const outcome = await admitRoleplayInvite(invite, (p) => rung.push(p), client)
    expect(outcome).toBe('ringing')
    expect(asked[0]).toEqual({
      name: 'practice:admitRoleplay',
      args: { token: 'jws', callId: TRAINEE_CALL, waitingFor: null }
    })
    expect(rung[0]).toMatchObject({
      scenarioId: 'retention-objections',
      scenarioVersion: 1,
      roleplay: { id: claims.jti, trainerName: 'Tomás Vidal', role: 'trainee' }
    })
    expect(rung[0]?.scenario.persona.firstName).toBe('Luis')
    expect(invite.rejected).toEqual([])
  })

  it('refuses a session the worker refused, with its reason, and never rings', async () => {
    for (const reason of ['invalid_session', 'not_for_this_desk', 'already_used', 'expired']) {
      const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'forged' })
      const { client } = fakeClient({ ok: true, data: { ok: false, reason } })
      const rung: unknown[] = []
      expect(await admitRoleplayInvite(invite, (p) => rung.push(p), client)).toBe(reason)
      expect(invite.rejected).toEqual([
        { statusCode: 403, reasonPhrase: `Practice Session Refused (${reason})` }
      ])
      expect(rung).toEqual([])
    }
  })

  it('refuses an empty header, an unreachable worker, a scenario it cannot read', async () => {
    const empty = fakeInvite({ [ROLEPLAY_HEADER]: '  ' })
    expect(await admitRoleplayInvite(empty, () => undefined, fakeClient(null).client)).toBe(
      'invalid_session'
    )
    const failed = { ok: false, error: { code: 'unavailable', message: 'down' } }
    expect(
      await admitRoleplayInvite(
        fakeInvite({ [ROLEPLAY_HEADER]: 'jws' }),
        () => undefined,
        fakeClient(failed).client
      )
    ).toBe('server_unreachable')
    const noScenario = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' })
    expect(
      await admitRoleplayInvite(
        noScenario,
        () => undefined,
        fakeClient({ ok: true, data: { ok: true, claims } }, false).client
      )
    ).toBe('no_scenario')
    expect(noScenario.rejected[0]?.statusCode).toBe(403)
  })

  it('rings nothing when the trainer hung up while the desk checked', async () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' }, 'Terminated')
    const rung: unknown[] = []
    const { client } = fakeClient({ ok: true, data: { ok: true, claims } })
    expect(await admitRoleplayInvite(invite, (p) => rung.push(p), client)).toBe('gone')
    expect(rung).toEqual([])
  })
})

describe("the trainer's desk admits the trainee's call (the trainee dials)", () => {
  const dialled = { ...claims, dir: 'trainee_calls' as const }
  const awaiting = (id: string | null) => {
    const taken: string[] = []
    return { taken, awaited: { id: () => id, taken: (callId: string) => taken.push(callId) } }
  }

  it('asks for the session it waits for, rings it as the trainer’s side, and takes it', async () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' })
    const { client, asked } = fakeClient({ ok: true, data: { ok: true, claims: dialled } })
    const { taken, awaited } = awaiting(claims.jti)
    const rung: PracticeCallScenario[] = []
    expect(await admitRoleplayInvite(invite, (p) => rung.push(p), client, awaited)).toBe('ringing')
    expect(asked[0]?.args).toEqual({ token: 'jws', callId: TRAINEE_CALL, waitingFor: claims.jti })
    expect(rung[0]?.roleplay).toEqual({
      id: claims.jti,
      trainerName: 'Tomás Vidal',
      role: 'trainer'
    })
    expect(taken).toEqual([TRAINEE_CALL])
  })

  it('takes nothing when the worker refused it (a session it does not wait for)', async () => {
    const invite = fakeInvite({ [ROLEPLAY_HEADER]: 'jws' })
    const { client } = fakeClient({ ok: true, data: { ok: false, reason: 'not_for_this_desk' } })
    const { taken, awaited } = awaiting(null)
    expect(await admitRoleplayInvite(invite, () => undefined, client, awaited)).toBe(
      'not_for_this_desk'
    )
    expect(taken).toEqual([])
    expect(invite.rejected[0]?.statusCode).toBe(403)
  })
})
