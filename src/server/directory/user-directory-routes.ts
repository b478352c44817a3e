/**
 * `PATCH /api/admin/users/:id`, admins only: a user's name, role, team or extension. The change,
 * its audit row and the user's new directory entry (plus the team-scoped `user` row team boards
 * read) commit in one transaction, and every desk is poked, so the next call from that user pops
 * who they are now. `GET /api/admin/users` lists the directory as published.
 */
import { z } from 'zod'

import { directoryEntrySchema, EXTENSION_PATTERN } from '@shared/domain/directory'
import type { DirectoryUser } from '@shared/domain/configuration'
import { roles } from '@shared/domain/user'
import { lineText } from '@shared/text/text-schemas'
import { writeAudit } from '../auth/audit-log'
import { UNIQUE_VIOLATION, sqlStateOf, type Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'

const FOREIGN_KEY_VIOLATION = '23503'
import { claimsOf, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import { appendChanges } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import { publishDirectoryIn } from './directory-publish'

const userUpdateSchema = z
  .object({
    displayName: lineText().trim().min(1).max(120).optional(),
    role: z.enum(roles).optional(),
    teamId: z.uuid().nullable().optional(),
    /** Null takes the user's phone away. */
    sipExtension: z.string().regex(EXTENSION_PATTERN).nullable().optional()
  })
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to change')

interface UserRow {
  id: string
  username: string
  display_name: string
  role: DirectoryUser['role']
  team_id: string | null
  sip_extension: string | null
}

async function lockUser(tx: Queryable, id: string): Promise<UserRow> {
  const rows = await tx.query<UserRow>(
    `SELECT id, username, display_name, role, team_id, sip_extension FROM users
     WHERE id = $1 FOR UPDATE`,
    [id]
  )
  const row = rows[0]
  if (!row) throw new HttpAppError('not_found', `No user ${id}`)
  return row
}

/** The user's row as team boards pull it (as the seed published it): under their team. */
async function publishTeamRow(tx: Queryable, row: UserRow): Promise<number> {
  const user: DirectoryUser = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    sipExtension: row.sip_extension
  }
  return appendChanges(tx, [{ entity: 'user', entityId: row.id, teamId: row.team_id, data: user }])
}

export function registerUserDirectoryRoutes(app: ZodApp, ctx: RouteContext, domain: string): void {
  const guard = requireRole(ctx.tokens, ['admin'], 'Only admins change users')
  app.get(
    '/api/admin/users',
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'The colleague directory as last published to desks',
        response: { 200: z.array(directoryEntrySchema) }
      }
    },
    async () => {
      const rows = await ctx.db.query<{ data: unknown }>(
        `SELECT d.data FROM directory_entries d JOIN users u ON u.id = d.user_id
         ORDER BY u.username`
      )
      return rows.map((r) => directoryEntrySchema.parse(r.data))
    }
  )
  app.patch(
    '/api/admin/users/:id',
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: "Changes a user's name, role, team or extension; every desk pulls it",
        params: z.object({ id: z.uuid() }),
        body: userUpdateSchema,
        response: { 200: directoryEntrySchema }
      }
    },
    async (request) => {
      const { id } = request.params
      const body = request.body
      const claims = claimsOf(request)
      try {
        const done = await ctx.db.transaction(async (tx) => {
          const before = await lockUser(tx, id)
          await tx.query(
            `UPDATE users SET
               display_name = COALESCE($2, display_name),
               role = COALESCE($3, role),
               team_id = CASE WHEN $4::boolean THEN $5::uuid ELSE team_id END,
               sip_extension = CASE WHEN $6::boolean THEN $7 ELSE sip_extension END
             WHERE id = $1`,
            [
              id,
              body.displayName ?? null,
              body.role ?? null,
              body.teamId !== undefined,
              body.teamId ?? null,
              body.sipExtension !== undefined,
              body.sipExtension ?? null
            ]
          )
          const after = await lockUser(tx, id)
          await writeAudit(tx, {
            action: 'user.directory_updated',
            actorId: claims.userId,
            target: `user:${id}`,
            ip: request.ip,
            details: { before, after }
          })
          let cursor = await publishTeamRow(tx, after)
          cursor = (await publishDirectoryIn(tx, domain, [id]))?.cursor ?? cursor
          const entry = await tx.query<{ data: unknown }>(
            'SELECT data FROM directory_entries WHERE user_id = $1',
            [id]
          )
          return {
            cursor,
            teamId: after.team_id,
            entry: directoryEntrySchema.parse(entry[0]?.data)
          }
        })
        await announceChanges(ctx.db, { cursor: done.cursor, teams: [null, done.teamId] })
        return done.entry
      } catch (error) {
        const state = sqlStateOf(error)
        if (state === UNIQUE_VIOLATION) {
          throw new HttpAppError('conflict', 'That extension belongs to another user')
        }
        if (state === FOREIGN_KEY_VIOLATION) {
          throw new HttpAppError('invalid_argument', 'No such team')
        }
        throw error
      }
    }
  )
}
