/**
 * Every route × every role (and no token): allowed or refused as designed. Scoping of what an
 * allowed caller sees (another team's rows) is covered in sync.test.ts.
 */
import type { InjectOptions } from 'fastify'
import { beforeAll, expect, it } from 'vitest'

import { defaultCompensationLimits } from '@server/seed/default-configuration'
import { defaultFloorAlerts } from '@shared/domain/configuration'
import { DEFAULT_MONITORING_POLICY } from '@shared/monitoring/monitoring-policy'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { complaintMutation, login } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

type Caller = 'anonymous' | 'agent' | 'team_lead' | 'trainer' | 'admin'
const usernames: Record<Exclude<Caller, 'anonymous'>, string> = {
  agent: 'ana',
  team_lead: 'carla',
  trainer: 'tomas',
  admin: 'admin'
}

interface RouteCase {
  name: string
  request: (token: string | null) => InjectOptions
  /** Status per caller; for push, also whether the complaint was applied. */
  expected: Record<Caller, number | 'applied' | 'forbidden'>
}

const protocolHeader = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
const auth = (token: string | null): Record<string, string> =>
  token ? { ...protocolHeader, authorization: `Bearer ${token}` } : protocolHeader

/** An id no record has: the routes answer 404 once the caller is let through. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'

const cases: RouteCase[] = [
  {
    name: 'GET /api/health',
    request: () => ({ method: 'GET', url: '/api/health' }),
    expected: { anonymous: 200, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/me',
    request: (t) => ({ method: 'GET', url: '/api/me', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/sync/pull',
    request: (t) => ({ method: 'GET', url: '/api/sync/pull?limit=1', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/sync/push (complaint.create)',
    request: (t) => ({
      method: 'POST',
      url: '/api/sync/push',
      headers: auth(t),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        clientId: crypto.randomUUID(),
        mutations: [complaintMutation()]
      }
    }),
    // Complaints belong to a team: trainers (practice only) and the teamless admin cannot file one.
    expected: {
      anonymous: 401,
      agent: 'applied',
      team_lead: 'applied',
      trainer: 'forbidden',
      admin: 'forbidden'
    }
  },
  {
    name: 'GET /api/customers/lookup',
    request: (t) => ({
      method: 'GET',
      url: '/api/customers/lookup?phone=612345678&country=ES',
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/me/sip-account',
    request: (t) => ({ method: 'GET', url: '/api/me/sip-account', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/admin/customers/import',
    request: (t) => ({
      method: 'POST',
      url: '/api/admin/customers/import',
      headers: { ...auth(t), 'content-type': 'text/csv' },
      payload: 'external_ref,first_name,last_name\nROLE-1,Rosa,Vidal\n'
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 403, admin: 200 }
  },
  {
    name: 'GET /api/scripts/:id/versions/:v/analytics',
    request: (t) => ({
      method: 'GET',
      url: '/api/scripts/inbound-service/versions/1/analytics',
      headers: auth(t)
    }),
    // Leads see their team's runs, trainers practice runs, admins all; agents none.
    expected: { anonymous: 401, agent: 403, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/scripts',
    request: (t) => ({ method: 'GET', url: '/api/scripts', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/scripts (a broken source: authors get the findings)',
    request: (t) => ({
      method: 'POST',
      url: '/api/scripts',
      headers: auth(t),
      payload: { source: 'id: broken' }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 400, admin: 400 }
  },
  {
    name: 'POST /api/scripts/:id/versions/:v/publish (no such version)',
    request: (t) => ({
      method: 'POST',
      url: '/api/scripts/none/versions/1/publish',
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/practice-scenarios',
    request: (t) => ({ method: 'GET', url: '/api/practice-scenarios', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/practice-scenarios?all=true (drafts and retired ones too)',
    request: (t) => ({ method: 'GET', url: '/api/practice-scenarios?all=true', headers: auth(t) }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/practice-scenarios/:id/:v (no such version)',
    request: (t) => ({ method: 'GET', url: '/api/practice-scenarios/none/1', headers: auth(t) }),
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  },
  {
    name: 'POST /api/practice-scenarios (a broken source: authors get the findings)',
    request: (t) => ({
      method: 'POST',
      url: '/api/practice-scenarios',
      headers: auth(t),
      payload: { source: 'id: broken' }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 400, admin: 400 }
  },
  {
    name: 'POST /api/practice-scenarios/:id/:v/publish (no such version)',
    request: (t) => ({
      method: 'POST',
      url: '/api/practice-scenarios/none/1/publish',
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/practice-scenarios/audio/:key (a line not rendered)',
    request: (t) => ({
      method: 'GET',
      url: `/api/practice-scenarios/audio/${'0'.repeat(64)}`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  },
  {
    name: 'POST /api/practice/purge',
    request: (t) => ({ method: 'POST', url: '/api/practice/purge', headers: auth(t) }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/practice-scenarios/:id/retire (no such scenario)',
    request: (t) => ({
      method: 'POST',
      url: '/api/practice-scenarios/none/retire',
      headers: auth(t),
      payload: { retired: true }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/cohorts',
    request: (t) => ({ method: 'GET', url: '/api/training/cohorts', headers: auth(t) }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/training/cohorts (an empty cohort)',
    request: (t) => ({
      method: 'POST',
      url: '/api/training/cohorts',
      headers: auth(t),
      payload: { name: 'Cohorte', traineeIds: [] }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 201, admin: 201 }
  },
  {
    name: 'PUT /api/training/cohorts/:id (no such cohort)',
    request: (t) => ({
      method: 'PUT',
      url: `/api/training/cohorts/${NO_SUCH_ID}`,
      headers: auth(t),
      payload: { name: 'Cohorte', traineeIds: [] }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'DELETE /api/training/cohorts/:id (no such cohort)',
    request: (t) => ({
      method: 'DELETE',
      url: `/api/training/cohorts/${NO_SUCH_ID}`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/cohorts/:id/progress (no such cohort)',
    request: (t) => ({
      method: 'GET',
      url: `/api/training/cohorts/${NO_SUCH_ID}/progress`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/trainees',
    request: (t) => ({ method: 'GET', url: '/api/training/trainees', headers: auth(t) }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 200, admin: 200 }
  },
  {
    name: 'GET /api/training/trainees/:id/progress (no such trainee)',
    request: (t) => ({
      method: 'GET',
      url: `/api/training/trainees/${NO_SUCH_ID}/progress`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/me/progress',
    request: (t) => ({ method: 'GET', url: '/api/training/me/progress', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'POST /api/training/roleplays (no such trainee)',
    request: (t) => ({
      method: 'POST',
      url: '/api/training/roleplays',
      headers: auth(t),
      payload: { traineeId: NO_SUCH_ID, scenarioId: 'retention-objections', scenarioVersion: 1 }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'POST /api/training/roleplays/redeem (not a session)',
    request: (t) => ({
      method: 'POST',
      url: '/api/training/roleplays/redeem',
      headers: auth(t),
      payload: { token: 'not-a-token', callId: 'call-1' }
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 403, admin: 403 }
  },
  {
    name: 'GET /api/training/roleplays/invitations',
    request: (t) => ({
      method: 'GET',
      url: '/api/training/roleplays/invitations',
      headers: auth(t)
    }),
    // Anyone signed in reads their own (nobody but an agent is ever invited).
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  },
  {
    name: 'DELETE /api/training/roleplays/:id (no such session)',
    request: (t) => ({
      method: 'DELETE',
      url: `/api/training/roleplays/${NO_SUCH_ID}`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 403, team_lead: 403, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/roleplays/:id/live (no such session)',
    request: (t) => ({
      method: 'GET',
      url: `/api/training/roleplays/${NO_SUCH_ID}/live`,
      headers: auth(t)
    }),
    // Only its trainer or an admin reads a session; anyone else is told it is not there.
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  },
  {
    name: 'PUT /api/training/roleplays/:id/feedback (no such session)',
    request: (t) => ({
      method: 'PUT',
      url: `/api/training/roleplays/${NO_SUCH_ID}/feedback`,
      headers: auth(t),
      payload: { comment: 'Bien', notes: [] }
    }),
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  },
  {
    name: 'GET /api/training/sessions/:id (no such session)',
    request: (t) => ({
      method: 'GET',
      url: `/api/training/sessions/${NO_SUCH_ID}`,
      headers: auth(t)
    }),
    expected: { anonymous: 401, agent: 404, team_lead: 404, trainer: 404, admin: 404 }
  }
]

const label = { es: 'Etiqueta', en: 'Label' }
const config = '/api/admin/configuration'
/** Admin-only configuration routes: only the admin gets through, and only after the role check. */
const adminOnly = (admin: number) => ({
  anonymous: 401,
  agent: 403,
  team_lead: 403,
  trainer: 403,
  admin
})
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT'
function adminCase(
  method: Method,
  url: string,
  payload: object | undefined,
  admin: number
): RouteCase {
  return {
    name: `${method} ${url}`,
    request: (t) => ({
      method,
      url,
      headers: auth(t),
      ...(payload === undefined ? {} : { payload })
    }),
    expected: adminOnly(admin)
  }
}
const configurationCases: RouteCase[] = [
  adminCase('GET', config, undefined, 200),
  adminCase('POST', `${config}/disposition-codes`, { code: 'role_check', label }, 201),
  // Non-admins are refused before their body is even looked at.
  adminCase('POST', `${config}/disposition-codes`, { code: 'Not A Code', label: {} }, 400),
  adminCase('PATCH', `${config}/disposition-codes/resolved`, { label }, 200),
  adminCase('POST', `${config}/disposition-codes/wrong_number/retire`, undefined, 200),
  adminCase('POST', `${config}/disposition-codes/wrong_number/restore`, undefined, 200),
  adminCase('POST', `${config}/pause-reasons`, { code: 'role_check', label, maxMinutes: 20 }, 201),
  adminCase('PATCH', `${config}/pause-reasons/break`, { maxMinutes: 20 }, 200),
  adminCase('POST', `${config}/pause-reasons/meeting/retire`, undefined, 200),
  adminCase('POST', `${config}/pause-reasons/meeting/restore`, undefined, 200),
  adminCase('POST', `${config}/complaint-categories`, { code: 'role_check', label }, 201),
  adminCase('PATCH', `${config}/complaint-categories/delivery`, { sortOrder: 45 }, 200),
  adminCase('POST', `${config}/complaint-categories/delivery/retire`, undefined, 200),
  adminCase('POST', `${config}/complaint-categories/delivery/restore`, undefined, 200),
  adminCase(
    'POST',
    `${config}/complaint-categories/delivery/subcategories`,
    { code: 'role_sub', label },
    201
  ),
  adminCase('PATCH', `${config}/complaint-categories/delivery/subcategories/late`, { label }, 200),
  adminCase(
    'POST',
    `${config}/complaint-categories/delivery/subcategories/late/retire`,
    undefined,
    200
  ),
  adminCase(
    'POST',
    `${config}/complaint-categories/delivery/subcategories/late/restore`,
    undefined,
    200
  ),
  adminCase('PUT', `${config}/compensation-limits`, defaultCompensationLimits, 200),
  adminCase('PUT', `${config}/floor-alerts`, defaultFloorAlerts, 200),
  adminCase('PUT', `${config}/monitoring`, DEFAULT_MONITORING_POLICY, 200),
  adminCase('GET', '/api/admin/monitoring/sessions?limit=5', undefined, 200),
  adminCase('POST', '/api/admin/monitoring/keys/rotate', undefined, 200),
  {
    name: 'GET /api/monitoring/keys',
    request: (t) => ({ method: 'GET', url: '/api/monitoring/keys', headers: auth(t) }),
    expected: { anonymous: 401, agent: 200, team_lead: 200, trainer: 200, admin: 200 }
  }
]
cases.push(...configurationCases)

describeOnEngines('route × role on %s', {}, ({ app }) => {
  const tokens = new Map<Caller, string | null>([['anonymous', null]])

  beforeAll(async () => {
    for (const role of ['agent', 'team_lead', 'trainer', 'admin'] as const) {
      tokens.set(role, (await login(app, usernames[role])).accessToken)
    }
  })

  const callers = ['anonymous', 'agent', 'team_lead', 'trainer', 'admin'] as const
  const table = cases.flatMap((c) => callers.map((caller) => ({ ...c, caller })))

  it.each(table)('$name as $caller', async ({ request, expected, caller }) => {
    const response = await app.inject(request(tokens.get(caller) ?? null))
    const want = expected[caller]
    if (typeof want === 'number') {
      expect(response.statusCode).toBe(want)
      if (want >= 400) {
        const body = response.json<{ error: { code: string } | string; reason?: string }>()
        // A refused role-play session answers the desk's own envelope (roleplayRefusedSchema),
        // the one error body that is not the app's { error: { code, message } }.
        if (body.error === 'roleplay_refused') expect(body.reason).toMatch(/^[a-z_]+$/)
        else
          expect(typeof body.error === 'string' ? undefined : body.error.code).toMatch(/^[a-z_]+$/)
      }
      return
    }
    expect(response.statusCode).toBe(200)
    const result = response.json<{ results: { status: string; reason?: { code: string } }[] }>()
    if (want === 'applied') expect(result.results[0]?.status).toBe('applied')
    else
      expect(result.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
  })
})
