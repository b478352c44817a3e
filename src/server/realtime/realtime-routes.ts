/** `GET /api/realtime?token=<access token>`: a WebSocket that says when to pull. */
import type { FastifyRequest } from 'fastify'

import type { RealtimeHub } from './realtime-hub'
import { visibilityOf } from '../sync/visibility'
import type { RouteContext, ZodApp } from '../http/route-context'

/** Application close code meaning "unauthenticated" (4000–4999 are ours; 401 inside). */
export const CLOSE_UNAUTHENTICATED = 4401

function tokenOf(request: FastifyRequest): string | null {
  const query = request.query
  if (typeof query !== 'object' || query === null || !('token' in query)) return null
  return typeof query.token === 'string' ? query.token : null
}

/** Registers the realtime route; browsers cannot set headers on a WebSocket, hence the query token. */
export function registerRealtimeRoutes(app: ZodApp, ctx: RouteContext, hub: RealtimeHub): void {
  app.get(
    '/api/realtime',
    {
      websocket: true,
      schema: {
        tags: ['sync'],
        description:
          'WebSocket: hello, then a poke per change and a tick; desks publish presence, leads get the floor'
      }
    },
    async (socket, request) => {
      const token = tokenOf(request)
      const claims = token ? await ctx.tokens.verify(token) : null
      if (!claims) {
        socket.close(CLOSE_UNAUTHENTICATED, 'unauthenticated')
        return
      }
      const publisher =
        claims.role === 'agent' && claims.teamId !== null
          ? { agentId: claims.userId, teamId: claims.teamId }
          : null
      hub.add(socket, visibilityOf(claims), publisher)
    }
  )
}
