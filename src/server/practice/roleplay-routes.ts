/**
 * Role-play sessions (src/shared/practice/roleplay.ts): a trainer is issued a signed session to
 * call a trainee as a scenario's customer; the trainee's desk redeems it once, checked as the
 * desk checks it (signature, expiry, `sub` = the caller), then claimed with one atomic UPDATE so
 * two redemptions cannot both win. Its trainer (or an admin) then reads the trainee's live
 * presence during the session and sends feedback on it once redeemed. Issuing, redeeming and
 * feedback leave audit rows. A session the caller may not read answers 404, as if absent.
 */
import { randomUUID } from 'node:crypto'

import type { FastifyReply } from 'fastify'
import { SignJWT } from 'jose'

import { sipAddressOf } from '@shared/domain/directory'
import {
  ROLEPLAY_ALG,
  ROLEPLAY_ISSUER,
  ROLEPLAY_TOKEN_TYPE,
  ROLEPLAY_TTL_SECONDS,
  ROLEPLAYS_PATH,
  roleplayFeedbackBodySchema,
  roleplayFeedbackSchema,
  roleplayIssueBodySchema,
  roleplayIssuedSchema,
  roleplayLiveSchema,
  roleplayParamsSchema,
  roleplayRedeemBodySchema,
  roleplayRedeemedSchema,
  roleplayRefusedSchema,
  type RoleplayClaims,
  type RoleplayRefusal
} from '@shared/practice/roleplay'
import { verifyRoleplayToken } from '@shared/practice/roleplay-verify'
import type { Role } from '@shared/domain/user'
import type { FloorEntry } from '@shared/presence/presence'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { claimsOf, requireAuth, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { MonitoringKeys } from '../monitoring/monitoring-keys'
import { mayFollow } from './cohort-store'
import { traineeLiveOf } from './roleplay-live'
import { readRoleplay, readRoleplayFeedback, type RoleplayRow } from './roleplay-store'

const TRAINERS: readonly Role[] = ['trainer', 'admin']

export interface RoleplayContext {
  keys: MonitoringKeys
  sipDomain: string
  /** The trainee's live-floor entry as this instance knows it (the live view reads it). */
  floorEntryOf: (agentId: string) => FloorEntry | null
}

/** Where to call a trainee: their extension at the SIP domain; null without one. */
function sipUriOf(extension: string | null, domain: string): string | null {
  const trimmed = extension?.trim() ?? ''
  return trimmed === '' ? null : sipAddressOf(trimmed, domain)
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
  app.post(
    ROLEPLAYS_PATH,
    {
      onRequest: requireRole(ctx.tokens, TRAINERS, 'Only trainers and admins run role-plays'),
      schema: {
        tags: ['training'],
        body: roleplayIssueBodySchema,
        response: { 201: roleplayIssuedSchema }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { traineeId, scenarioId, scenarioVersion } = request.body
      if (!(await mayFollow(ctx.db, claims, traineeId)) || traineeId === claims.userId) {
        throw new HttpAppError('not_found', 'No such trainee of yours')
      }
      const trainees = await ctx.db.query<{
        display_name: string
        sip_extension: string | null
        role: Role
      }>('SELECT display_name, sip_extension, role FROM users WHERE id = $1', [traineeId])
      const trainee = trainees[0]
      if (trainee?.role !== 'agent') throw new HttpAppError('not_found', 'No such trainee')
      const published = await ctx.db.query<{ n: number }>(
        `SELECT 1 AS n FROM practice_scenarios
          WHERE scenario_id = $1 AND version = $2 AND status = 'published'`,
        [scenarioId, scenarioVersion]
      )
      if (published.length === 0) {
        throw new HttpAppError('not_found', 'No published practice scenario has this version')
      }
      const trainers = await ctx.db.query<{ display_name: string }>(
        'SELECT display_name FROM users WHERE id = $1',
        [claims.userId]
      )
      const id = randomUUID()
      const iat = Math.floor(Date.now() / 1000)
      const exp = iat + ROLEPLAY_TTL_SECONDS
      const session: RoleplayClaims = {
        iss: ROLEPLAY_ISSUER,
        jti: id,
        sub: traineeId,
        iat,
        exp,
        trainer: { id: claims.userId, name: trainers[0]?.display_name ?? '' },
        scenario: { id: scenarioId, version: scenarioVersion }
      }
      const signing = await roleplay.keys.signingKey()
      const token = await new SignJWT({ ...session })
        .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: signing.kid, typ: ROLEPLAY_TOKEN_TYPE })
        .sign(signing.key)
      const expiresAt = new Date(exp * 1000).toISOString()
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO practice_roleplays (id, trainer_id, trainee_id, scenario_id,
             scenario_version, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, claims.userId, traineeId, scenarioId, scenarioVersion, expiresAt]
        )
        await writeAudit(tx, {
          action: 'practice_roleplay.issued',
          actorId: claims.userId,
          target: id,
          ip: request.ip,
          details: { traineeId, scenarioId, scenarioVersion }
        })
      })
      return reply.code(201).send({
        roleplay: {
          id,
          traineeId,
          traineeName: trainee.display_name,
          traineeSipUri: sipUriOf(trainee.sip_extension, roleplay.sipDomain),
          scenarioId,
          scenarioVersion,
          expiresAt
        },
        token
      })
    }
  )

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
      const expect = { traineeId: claims.userId, now: new Date() }
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
      const claimed = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `UPDATE practice_roleplays SET redeemed_at = now(), trainee_call_id = $3
            WHERE id = $1 AND trainee_id = $2 AND redeemed_at IS NULL
            RETURNING id`,
          [session.jti, claims.userId, callId]
        )
        if (rows.length === 0) return false
        await writeAudit(tx, {
          action: 'practice_roleplay.redeemed',
          actorId: claims.userId,
          target: session.jti,
          ip: request.ip,
          details: { callId }
        })
        return true
      })
      if (!claimed) {
        const known = await ctx.db.query<{ n: number }>(
          'SELECT 1 AS n FROM practice_roleplays WHERE id = $1',
          [session.jti]
        )
        return refuse(reply, known.length > 0 ? 'already_used' : 'invalid_session')
      }
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
