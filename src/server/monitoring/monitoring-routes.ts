/**
 * The monitoring routes (src/shared/monitoring/monitoring-api.ts, docs/monitoring.md): grants,
 * their redemption, a session's mode and end, the desks' own refusals, the published keys, and
 * for admins the sessions' log and a key rotation. A refusal answers 403 (409 for a grant already
 * used) with `{ error: 'monitoring_refused', reason }` and is recorded with its audit row.
 */
import type { FastifyReply } from 'fastify'
import { z } from 'zod'

import {
  endBodySchema,
  modeBodySchema,
  monitorRefusedReplySchema,
  monitorStartBodySchema,
  monitorStartReplySchema,
  monitoringSessionViewSchema,
  redeemBodySchema,
  redeemReplySchema,
  refusalReportSchema
} from '@shared/monitoring/monitoring-api'
import type { MonitorRefusal } from '@shared/monitoring/monitoring'
import type { FloorEntry } from '@shared/presence/presence'
import { writeAudit } from '../auth/audit-log'
import { claimsOf, requireAuth, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import { issueGrant } from './grant-issue'
import { redeemGrant } from './grant-redeem'
import type { MonitoringKeys } from './monitoring-keys'
import { listSessions, readSession, recordEvent } from './monitoring-rows'

export interface MonitoringRouteOptions {
  keys: MonitoringKeys
  floorEntryOf: (agentId: string) => FloorEntry | null
  sipDomain: string
  /** Tests only: a shorter grant lifetime. */
  grantTtlSeconds?: number
}

const tags = ['monitoring']
const refused = { 403: monitorRefusedReplySchema }
const sessionParams = z.object({ id: z.uuid() })

function refuse(reply: FastifyReply, reason: MonitorRefusal) {
  return reply
    .code(reason === 'already_used' ? 409 : 403)
    .send({ error: 'monitoring_refused' as const, reason })
}

export function registerMonitoringRoutes(
  app: ZodApp,
  ctx: RouteContext,
  options: MonitoringRouteOptions
): void {
  const signedIn = requireAuth(ctx.tokens)
  const admin = requireRole(ctx.tokens, ['admin'], 'Only admins manage monitoring')
  const { keys, floorEntryOf } = options

  app.post(
    '/api/monitoring/grants',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description:
          "A team lead of the agent's team (or an admin) asks to monitor the agent's current " +
          'call in a mode: a signed grant to call the agent with, or the PBX dial string.',
        body: monitorStartBodySchema,
        response: { 201: monitorStartReplySchema, ...refused }
      }
    },
    async (request, reply) => {
      const outcome = await issueGrant(
        {
          db: ctx.db,
          keys,
          floorEntryOf,
          sipDomain: options.sipDomain,
          ...(options.grantTtlSeconds === undefined ? {} : { ttlSeconds: options.grantTtlSeconds })
        },
        claimsOf(request),
        request.body,
        request.ip
      )
      if (!outcome.ok) return refuse(reply, outcome.reason)
      return reply.code(201).send(outcome.reply)
    }
  )

  app.post(
    '/api/monitoring/redeem',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description: 'The monitored agent redeems a grant it received, once.',
        body: redeemBodySchema,
        response: { 200: redeemReplySchema, ...refused, 409: monitorRefusedReplySchema }
      }
    },
    async (request, reply) => {
      const outcome = await redeemGrant(
        { db: ctx.db, keys, floorEntryOf },
        claimsOf(request),
        request.body.token,
        request.ip
      )
      if (!outcome.ok) return refuse(reply, outcome.reason)
      return { claims: outcome.claims }
    }
  )

  app.post(
    '/api/monitoring/sessions/:id/mode',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description: "The session's lead switches mode, within the modes of its grant.",
        params: sessionParams,
        body: modeBodySchema,
        response: { 200: z.object({}), ...refused }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const session = await readSession(ctx.db, request.params.id)
      if (!session) return refuse(reply, 'unknown_grant')
      if (session.lead_id !== claims.userId) return refuse(reply, 'not_permitted')
      const { mode } = request.body
      if (!session.modes.includes(mode)) {
        await recordEvent(ctx.db, {
          sessionId: session.id,
          kind: 'refused',
          mode,
          detail: 'mode_not_permitted',
          actorId: claims.userId,
          ip: request.ip,
          audit: { stage: 'mode' }
        })
        return refuse(reply, 'mode_not_permitted')
      }
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE monitoring_sessions SET mode = $2 WHERE id = $1', [session.id, mode])
        await recordEvent(tx, {
          sessionId: session.id,
          kind: 'mode',
          mode,
          actorId: claims.userId,
          ip: request.ip
        })
      })
      return {}
    }
  )

  app.post(
    '/api/monitoring/sessions/:id/end',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description: 'Its lead or its agent ends a session, with the reason; idempotent.',
        params: sessionParams,
        body: endBodySchema,
        response: { 200: z.object({ ended: z.literal(true) }), ...refused }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const session = await readSession(ctx.db, request.params.id)
      if (!session) return refuse(reply, 'unknown_grant')
      if (session.lead_id !== claims.userId && session.agent_id !== claims.userId) {
        return refuse(reply, 'not_permitted')
      }
      await ctx.db.transaction(async (tx) => {
        const ended = await tx.query<{ id: string }>(
          `UPDATE monitoring_sessions SET ended_at = now(), end_reason = $2
           WHERE id = $1 AND ended_at IS NULL RETURNING id`,
          [session.id, request.body.reason]
        )
        // Both sides may end it (the lead stops as the agent's BYE arrives): the first counts.
        if (ended.length === 0) return
        await recordEvent(tx, {
          sessionId: session.id,
          kind: 'ended',
          detail: request.body.reason,
          actorId: claims.userId,
          ip: request.ip
        })
      })
      return { ended: true as const }
    }
  )

  app.post(
    '/api/monitoring/refusals',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description:
          'A desk refused a grant by itself (forged, expired, another desk’s or another call’s): ' +
          'kept for the audit. The caller and the reason are facts; the rest is as signalled.',
        body: refusalReportSchema,
        response: { 204: z.null() }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const report = request.body
      const named = report.sessionId ? await readSession(ctx.db, report.sessionId) : null
      // A report attaches to a session only when it is this desk's: the token was unverified.
      const session = named?.agent_id === claims.userId ? named : null
      await recordEvent(ctx.db, {
        sessionId: session?.id ?? null,
        kind: 'refused',
        detail: report.reason,
        actorId: claims.userId,
        ip: request.ip,
        audit: {
          stage: 'desk',
          claimedSessionId: report.sessionId,
          claimedLeadId: report.claimedLeadId,
          from: report.from
        }
      })
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/api/monitoring/keys',
    {
      onRequest: signedIn,
      schema: {
        tags,
        description:
          'The public keys grants are signed with: the current one and those retired within ' +
          'the last hour.',
        response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) }
      }
    },
    async () => ({ keys: await keys.published() })
  )

  app.get(
    '/api/admin/monitoring/sessions',
    {
      onRequest: admin,
      schema: {
        tags,
        description: 'The latest monitoring sessions with their events, newest first.',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ sessions: z.array(monitoringSessionViewSchema) }) }
      }
    },
    async (request) => ({ sessions: await listSessions(ctx.db, request.query.limit) })
  )

  app.post(
    '/api/admin/monitoring/keys/rotate',
    {
      onRequest: admin,
      schema: {
        tags,
        description:
          'Makes a new current signing key; the old one stays published for an hour, so ' +
          'grants in flight still redeem.',
        response: { 200: z.object({ kid: z.string() }) }
      }
    },
    async (request) => {
      const kid = await keys.rotate()
      await writeAudit(ctx.db, {
        action: 'monitoring.keys_rotated',
        actorId: claimsOf(request).userId,
        target: kid,
        ip: request.ip
      })
      return { kid }
    }
  )
}
