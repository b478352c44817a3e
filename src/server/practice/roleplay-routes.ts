/**
 * Role-play sessions (src/shared/practice/roleplay.ts): a trainer is issued a signed session
 * (roleplay-issue.ts) to call a trainee as a scenario's customer, or to be called by them
 * (roleplay-invitations.ts); the answering desk redeems it once, checked as the desk checks it
 * (signature, expiry, the caller answers it), then claimed with one atomic UPDATE so two
 * redemptions cannot both win. Its trainer (or an admin) then reads the trainee's live
 * presence during the session and sends feedback on it once redeemed. Issuing, redeeming and
 * feedback leave audit rows. A session the caller may not read answers 404, as if absent.
 */
import type { FastifyReply } from 'fastify'

import {
  ROLEPLAYS_PATH,
  roleplayFeedbackBodySchema,
  roleplayFeedbackSchema,
  roleplayLiveSchema,
  roleplayParamsSchema,
  roleplayRedeemBodySchema,
  roleplayRedeemedSchema,
  roleplayRefusedSchema,
  type RoleplayRefusal
} from '@shared/practice/roleplay'
import { verifyRoleplayToken } from '@shared/practice/roleplay-verify'
import type { FloorEntry } from '@shared/presence/presence'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { MonitoringKeys } from '../monitoring/monitoring-keys'
import {
  announceInvitations,
  logInvitationChanges,
  registerRoleplayInvitationRoutes
} from './roleplay-invitations'
import { registerRoleplayIssueRoute } from './roleplay-issue'
import { traineeLiveOf } from './roleplay-live'
import { readRoleplay, readRoleplayFeedback, type RoleplayRow } from './roleplay-store'
import { sipUriOf } from './roleplay-token'

export interface RoleplayContext {
  keys: MonitoringKeys
  sipDomain: string
  /** The trainee's live-floor entry as this instance knows it (the live view reads it). */
  floorEntryOf: (agentId: string) => FloorEntry | null
}

/** A session its trainer (or an admin) may read; anyone else gets 404, as if it were absent. */
async function ownRoleplayOr404(
  db: Queryable,
  claims: AccessClaims,
  roleplayId: string
): Promise<RoleplayRow> {
  const row = await readRoleplay(db, roleplayId)
  if (!row || (row.trainer_id !== claims.userId && claims.role !== 'admin')) {
    throw new HttpAppError('not_found', 'No such role-play of yours')
  }
  return row
}

function refuse(reply: FastifyReply, reason: RoleplayRefusal) {
  return reply
    .code(reason === 'already_used' ? 409 : 403)
    .send({ error: 'roleplay_refused' as const, reason })
}

export function registerRoleplayRoutes(
  app: ZodApp,
  ctx: RouteContext,
  roleplay: RoleplayContext
): void {
  registerRoleplayIssueRoute(app, ctx, roleplay)
  registerRoleplayInvitationRoutes(app, ctx, roleplay)

  app.post(
    `${ROLEPLAYS_PATH}/redeem`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['training'],
        body: roleplayRedeemBodySchema,
        response: {
          200: roleplayRedeemedSchema,
          403: roleplayRefusedSchema,
          409: roleplayRefusedSchema
        }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { token, callId } = request.body
      const expect = { userId: claims.userId, now: new Date() }
      let check = await verifyRoleplayToken(
        token,
        { keys: await roleplay.keys.published() },
        expect
      )
      if (!check.ok && check.unknownKey) {
        check = await verifyRoleplayToken(token, { keys: await roleplay.keys.refresh() }, expect)
      }
      if (!check.ok) return refuse(reply, check.reason)
      const session = check.claims
      const direction = session.dir ?? 'trainer_calls'
      const claimed = await ctx.db.transaction(async (tx) => {
        // The answering side claims it: the trainee, or the trainer when the trainee dials.
        const rows = await tx.query<{ trainee_id: string }>(
          `UPDATE practice_roleplays SET redeemed_at = now(), trainee_call_id = $3
            WHERE id = $1 AND direction = $4 AND redeemed_at IS NULL AND withdrawn_at IS NULL
              AND (CASE WHEN $4 = 'trainee_calls' THEN trainer_id ELSE trainee_id END) = $2
            RETURNING trainee_id`,
          [session.jti, claims.userId, callId, direction]
        )
        const row = rows[0]
        if (!row) return false
        await writeAudit(tx, {
          action: 'practice_roleplay.redeemed',
          actorId: claims.userId,
          target: session.jti,
          ip: request.ip,
          details: { callId, direction }
        })
        // Taken: the trainee's desk no longer offers the invitation.
        if (direction === 'trainee_calls') {
          return logInvitationChanges(tx, [{ id: session.jti, traineeId: row.trainee_id }])
        }
        return null
      })
      if (claimed === false) {
        const known = await ctx.db.query<{ withdrawn: boolean }>(
          'SELECT withdrawn_at IS NOT NULL AS withdrawn FROM practice_roleplays WHERE id = $1',
          [session.jti]
        )
        const row = known[0]
        if (!row) return refuse(reply, 'invalid_session')
        return refuse(reply, row.withdrawn ? 'withdrawn' : 'already_used')
      }
      await announceInvitations(ctx.db, claimed)
      return { claims: session }
    }
  )
  app.get(
    `${ROLEPLAYS_PATH}/:roleplayId/live`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['training'],
        params: roleplayParamsSchema,
        response: { 200: roleplayLiveSchema }
      }
    },
    async (request) => {
      const row = await ownRoleplayOr404(ctx.db, claimsOf(request), request.params.roleplayId)
      return {
        roleplay: {
          id: row.id,
          traineeId: row.trainee_id,
          traineeName: row.trainee_name,
          traineeSipUri: sipUriOf(row.sip_extension, roleplay.sipDomain),
          scenarioId: row.scenario_id,
          scenarioVersion: row.scenario_version,
          expiresAt: row.expires_at.toISOString(),
          direction: row.direction,
          redeemedAt: row.redeemed_at?.toISOString() ?? null,
          traineeCallId: row.trainee_call_id
        },
        trainee: traineeLiveOf(
          roleplay.floorEntryOf(row.trainee_id),
          { issuedAt: row.issued_at, traineeCallId: row.trainee_call_id },
          new Date()
        )
      }
    }
  )

  app.put(
    `${ROLEPLAYS_PATH}/:roleplayId/feedback`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['training'],
        params: roleplayParamsSchema,
        body: roleplayFeedbackBodySchema,
        response: { 200: roleplayFeedbackSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { roleplayId } = request.params
      const row = await ownRoleplayOr404(ctx.db, claims, roleplayId)
      if (row.redeemed_at === null) {
        throw new HttpAppError(
          'conflict',
          "The trainee's desk has not taken this role-play's call: there is nothing to give feedback on yet"
        )
      }
      const { comment, notes } = request.body
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE practice_roleplays
              SET feedback = $2::jsonb, feedback_by = $3, feedback_sent_at = now()
            WHERE id = $1`,
          [roleplayId, JSON.stringify({ comment, notes }), claims.userId]
        )
        await writeAudit(tx, {
          action: 'practice_roleplay.feedback',
          actorId: claims.userId,
          target: roleplayId,
          ip: request.ip,
          details: { traineeId: row.trainee_id, notes: notes.length }
        })
      })
      const stored = await readRoleplayFeedback(ctx.db, roleplayId)
      if (!stored) throw new Error('role-play feedback not stored')
      return stored
    }
  )
}
