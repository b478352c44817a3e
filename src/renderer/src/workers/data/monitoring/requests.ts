/**
 * The monitoring requests. PLACEHOLDER until the server slice lands: every request answers that
 * the server cannot be reached, so the page's flows can be built against the contract.
 */
import { z } from 'zod'

import { monitorEndReasons, monitorModeSchema } from '@shared/monitoring/monitoring'

import { listLimit, request, type RequestSlice } from '../request-table'

const unreachable = { ok: false as const, reason: 'unreachable' as const, message: 'not built yet' }

export const monitoringRequests = {
  'monitoring:start': request(
    z.object({ agentId: z.uuid(), callId: z.string().min(1).max(100), mode: monitorModeSchema }),
    'typed',
    () => unreachable
  ),
  'monitoring:admit': request(
    z.object({
      token: z.string().min(1).max(4096),
      callIds: z.array(z.string().max(256)).max(20),
      from: z.string().max(512)
    }),
    'signalled',
    () => unreachable
  ),
  'monitoring:mode': request(
    z.object({ sessionId: z.uuid(), mode: monitorModeSchema }),
    'typed',
    () => unreachable
  ),
  'monitoring:end': request(
    z.object({ sessionId: z.uuid(), reason: z.enum(monitorEndReasons) }),
    'typed',
    () => ({ ended: true as const })
  ),
  'monitoring:sessions': request(z.object({ limit: listLimit }), 'typed', () => ({ sessions: [] }))
} satisfies RequestSlice
