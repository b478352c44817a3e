/**
 * Issuing a role-play session (src/shared/practice/roleplay.ts): a trainer (a trainee they
 * follow) or an admin (any agent), never to a lead, on a published scenario version. When the
 * trainer dials, the answer carries the token for the trainer's INVITE; when the trainee dials,
 * the trainer needs an extension to be called at, the trainer's older open invitations to this
 * trainee are withdrawn, and the trainee's desk is poked to read the new one (with its token).
 */
import { randomUUID } from 'node:crypto'

import type { Role } from '@shared/domain/user'
import {
  ROLEPLAY_INVITATION_TTL_SECONDS,
  ROLEPLAY_ISSUER,
  ROLEPLAY_TTL_SECONDS,
  ROLEPLAYS_PATH,
  roleplayIssueBodySchema,
  roleplayIssuedSchema
} from '@shared/practice/roleplay'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { claimsOf, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { MonitoringKeys } from '../monitoring/monitoring-keys'
import { mayFollow } from './cohort-store'
import { announceInvitations, logInvitationChanges } from './roleplay-invitations'
import { signRoleplayToken, sipUriOf } from './roleplay-token'

const TRAINERS: readonly Role[] = ['trainer', 'admin']

interface Person {
  display_name: string
  sip_extension: string | null
  role: Role
}

async function personOf(db: Queryable, id: string): Promise<Person | null> {
  const rows = await db.query<Person>(
    'SELECT display_name, sip_extension, role FROM users WHERE id = $1',
    [id]
  )
  return rows[0] ?? null
}

async function traineeOf(db: Queryable, claims: AccessClaims, traineeId: string) {
  if (!(await mayFollow(db, claims, traineeId)) || traineeId === claims.userId) {
    throw new HttpAppError('not_found', 'No such trainee of yours')
  }
  const trainee = await personOf(db, traineeId)
  if (trainee?.role !== 'agent') throw new HttpAppError('not_found', 'No such trainee')
  return trainee
}

export function registerRoleplayIssueRoute(
  app: ZodApp,
  ctx: RouteContext,
  roleplay: { keys: MonitoringKeys; sipDomain: string }
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
      const { traineeId, scenarioId, scenarioVersion, direction } = request.body
      const trainee = await traineeOf(ctx.db, claims, traineeId)
      const published = await ctx.db.query<{ n: number }>(
        `SELECT 1 AS n FROM practice_scenarios
          WHERE scenario_id = $1 AND version = $2 AND status = 'published'`,
        [scenarioId, scenarioVersion]
      )
      if (published.length === 0) {
        throw new HttpAppError('not_found', 'No published practice scenario has this version')
      }
      const trainer = await personOf(ctx.db, claims.userId)
      const traineeDials = direction === 'trainee_calls'
      if (traineeDials && sipUriOf(trainer?.sip_extension ?? null, roleplay.sipDomain) === null) {
        throw new HttpAppError(
          'conflict',
          'You have no extension: the trainee would have nowhere to call you',
          { reason: 'no_own_extension' }
        )
      }
      const id = randomUUID()
      const iat = Math.floor(Date.now() / 1000)
      const exp = iat + (traineeDials ? ROLEPLAY_INVITATION_TTL_SECONDS : ROLEPLAY_TTL_SECONDS)
      const expiresAt = new Date(exp * 1000).toISOString()
      const poke = await ctx.db.transaction(async (tx) => {
        // One open invitation per trainer and trainee: a new one replaces the one not taken.
        const replaced = traineeDials
          ? await tx.query<{ id: string }>(
              `UPDATE practice_roleplays SET withdrawn_at = now()
                WHERE trainer_id = $1 AND trainee_id = $2 AND direction = 'trainee_calls'
                  AND redeemed_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()
                RETURNING id`,
              [claims.userId, traineeId]
            )
          : []
        await tx.query(
          `INSERT INTO practice_roleplays (id, trainer_id, trainee_id, scenario_id,
             scenario_version, expires_at, direction)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, claims.userId, traineeId, scenarioId, scenarioVersion, expiresAt, direction]
        )
        await writeAudit(tx, {
          action: 'practice_roleplay.issued',
          actorId: claims.userId,
          target: id,
          ip: request.ip,
          details: { traineeId, scenarioId, scenarioVersion, direction }
        })
        if (!traineeDials) return null
        const changed = [...replaced.map((r) => r.id), id]
        return logInvitationChanges(
          tx,
          changed.map((changedId) => ({ id: changedId, traineeId }))
        )
      })
      await announceInvitations(ctx.db, poke)
      const token = traineeDials
        ? null
        : await signRoleplayToken(roleplay.keys, {
            iss: ROLEPLAY_ISSUER,
            jti: id,
            sub: traineeId,
            iat,
            exp,
            trainer: { id: claims.userId, name: trainer?.display_name ?? '' },
            scenario: { id: scenarioId, version: scenarioVersion }
          })
      return reply.code(201).send({
        roleplay: {
          id,
          traineeId,
          traineeName: trainee.display_name,
          traineeSipUri: sipUriOf(trainee.sip_extension, roleplay.sipDomain),
          scenarioId,
          scenarioVersion,
          expiresAt,
          direction
        },
        token
      })
    }
  )
}
