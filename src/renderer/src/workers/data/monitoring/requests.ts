/**
 * The monitoring requests (src/shared/contract/worker/monitoring.ts), made with the session's
 * token: a lead starts, switches and ends a session with the server (lead-requests.ts); an
 * agent's desk admits a grant (admit.ts); admins read the sessions' log. A lead's request the
 * server cannot answer is `unreachable`; an agent's admit that cannot be redeemed is the refusal
 * `server_unreachable`.
 */
import { z } from 'zod'

import { monitorEndReasons, monitorModeSchema } from '@shared/monitoring/monitoring'

import { listLimit, request, type RequestSlice } from '../request-table'
import type { Session } from '../session/session'
import { admitGrant } from './admit'
import { grantKeysOf, type GrantKeys } from './grant-keys'
import {
  endMonitoring,
  listMonitoringSessions,
  startMonitoring,
  switchMonitoringMode
} from './lead-requests'

/** This session's key cache; fetching it early spares the first INVITE a round trip. */
export function monitoringKeysOf(session: Session): GrantKeys {
  return grantKeysOf(session, () => session.server)
}

export const monitoringRequests = {
  'monitoring:start': request(
    z.object({ agentId: z.uuid(), callId: z.string().min(1).max(100), mode: monitorModeSchema }),
    'typed',
    (host, args) => startMonitoring(host.session.server, args)
  ),
  'monitoring:admit': request(
    z.object({
      token: z.string().min(1).max(4096),
      callIds: z.array(z.string().max(256)).max(20),
      from: z.string().max(512)
    }),
    'signalled',
    (host, args) => {
      const session = host.session
      return admitGrant(session.server, monitoringKeysOf(session), session.userId, args)
    }
  ),
  'monitoring:mode': request(
    z.object({ sessionId: z.uuid(), mode: monitorModeSchema }),
    'typed',
    (host, { sessionId, mode }) => switchMonitoringMode(host.session.server, sessionId, mode)
  ),
  'monitoring:end': request(
    z.object({ sessionId: z.uuid(), reason: z.enum(monitorEndReasons) }),
    'typed',
    (host, { sessionId, reason }) => endMonitoring(host.session.server, sessionId, reason)
  ),
  'monitoring:sessions': request(z.object({ limit: listLimit }), 'typed', (host, { limit }) =>
    listMonitoringSessions(host.session.server, limit)
  )
} satisfies RequestSlice
