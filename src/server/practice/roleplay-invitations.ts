/**
 * Invitations: role-play sessions where the trainee dials (src/shared/practice/roleplay.ts).
 * Opening, taking or withdrawing one pokes the trainee's desk with a `roleplay_invitation`
 * change, under the practice scope and addressed to the trainee (trainers may pull it; no lead or
 * teammate does); the desk then reads its open invitations here, each with a token signed as it
 * is read (never stored), which lives no longer than the invitation.
 */
import type { Role } from '@shared/domain/user'
import {
  ROLEPLAY_ISSUER,
  ROLEPLAYS_PATH,
  roleplayInvitationsSchema,
  roleplayParamsSchema,
  type RoleplayInvitation
} from '@shared/practice/roleplay'
import { writeAudit } from '../auth/audit-log'
import type { Db, Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { claimsOf, requireAuth, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { MonitoringKeys } from '../monitoring/monitoring-keys'
import { appendChanges, pokeKeysOf, type NewChange } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import { PRACTICE_SCOPE_ID } from '../sync/visibility'
import { signRoleplayToken, sipUriOf } from './roleplay-token'

const TRAINERS: readonly Role[] = ['trainer', 'admin']
/** A desk lists a handful at most: one per trainer waiting, each withdrawing its older ones. */
const LISTED_INVITATIONS = 20

function invitationChange(id: string, traineeId: string): NewChange {
  return {
    entity: 'roleplay_invitation',
    entityId: id,
    teamId: PRACTICE_SCOPE_ID,
    userId: traineeId,
    data: { id, traineeId }
  }
}

/**
 * Logs that these invitations changed (inside the caller's transaction) and returns what to
 * announce once it commits.
 */
export async function logInvitationChanges(
  tx: Queryable,
  invitations: readonly { id: string; traineeId: string }[]
): Promise<{ cursor: number; teams: (string | null)[] } | null> {
  if (invitations.length === 0) return null
  const changes = invitations.map((i) => invitationChange(i.id, i.traineeId))
  return { cursor: await appendChanges(tx, changes), teams: pokeKeysOf(changes) }
}

/** Pokes the desks once the transaction that logged the change committed. */
export async function announceInvitations(
  db: Db,
  poke: { cursor: number; teams: (string | null)[] } | null
): Promise<void> {
  if (poke) await announceChanges(db, poke)
}

interface InvitationRow {
  id: string
  trainer_id: string
  trainer_name: string
  sip_extension: string | null
  scenario_id: string
  scenario_version: number
  title: { es?: string; en?: string }
  issued_at: Date
  expires_at: Date
}

export function registerRoleplayInvitationRoutes(
  app: ZodApp,
  ctx: RouteContext,
  roleplay: { keys: MonitoringKeys; sipDomain: string }
): void {
  app.get(
    `${ROLEPLAYS_PATH}/invitations`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: { tags: ['training'], response: { 200: roleplayInvitationsSchema } }
    },
    async (request) => {
      const claims = claimsOf(request)
      const rows = await ctx.db.query<InvitationRow>(
        `SELECT r.id, r.trainer_id, t.display_name AS trainer_name, t.sip_extension,
                r.scenario_id, r.scenario_version, sc.title, r.issued_at, r.expires_at
           FROM practice_roleplays r
           JOIN users t ON t.id = r.trainer_id
           JOIN practice_scenarios sc
             ON sc.scenario_id = r.scenario_id AND sc.version = r.scenario_version
          WHERE r.trainee_id = $1 AND r.direction = 'trainee_calls' AND r.redeemed_at IS NULL
            AND r.withdrawn_at IS NULL AND r.expires_at > now()
          ORDER BY r.issued_at DESC, r.id LIMIT ${String(LISTED_INVITATIONS)}`,
        [claims.userId]
      )
      const invitations: RoleplayInvitation[] = await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          trainerName: row.trainer_name,
          trainerSipUri: sipUriOf(row.sip_extension, roleplay.sipDomain),
          scenarioId: row.scenario_id,
          scenarioVersion: row.scenario_version,
          scenarioTitle: row.title,
          expiresAt: row.expires_at.toISOString(),
          token: await signRoleplayToken(roleplay.keys, {
            iss: ROLEPLAY_ISSUER,
            jti: row.id,
            sub: claims.userId,
            iat: Math.floor(row.issued_at.getTime() / 1000),
            exp: Math.floor(row.expires_at.getTime() / 1000),
            trainer: { id: row.trainer_id, name: row.trainer_name },
            scenario: { id: row.scenario_id, version: row.scenario_version },
            dir: 'trainee_calls'
          })
        }))
      )
      return { invitations }
    }
  )

  app.delete(
    `${ROLEPLAYS_PATH}/:roleplayId`,
    {
      onRequest: requireRole(ctx.tokens, TRAINERS, 'Only trainers and admins run role-plays'),
      schema: { tags: ['training'], params: roleplayParamsSchema }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { roleplayId } = request.params
      const poke = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<{ trainee_id: string; redeemed_at: Date | null }>(
          `SELECT trainee_id, redeemed_at FROM practice_roleplays
            WHERE id = $1 AND (trainer_id = $2 OR $3) FOR UPDATE`,
          [roleplayId, claims.userId, claims.role === 'admin']
        )
        const row = rows[0]
        if (!row) throw new HttpAppError('not_found', 'No such role-play of yours')
        if (row.redeemed_at !== null) {
          throw new HttpAppError('conflict', 'The role-play call was taken: it cannot be withdrawn')
        }
        const withdrawn = await tx.query<{ id: string }>(
          `UPDATE practice_roleplays SET withdrawn_at = now()
            WHERE id = $1 AND withdrawn_at IS NULL RETURNING id`,
          [roleplayId]
        )
        if (withdrawn.length === 0) return null
        await writeAudit(tx, {
          action: 'practice_roleplay.withdrawn',
          actorId: claims.userId,
          target: roleplayId,
          ip: request.ip,
          details: { traineeId: row.trainee_id }
        })
        return logInvitationChanges(tx, [{ id: roleplayId, traineeId: row.trainee_id }])
      })
      await announceInvitations(ctx.db, poke)
      return reply.code(204).send()
    }
  )
}
