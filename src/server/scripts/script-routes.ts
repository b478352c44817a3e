/**
 * Script versions on the server: trainers and admins upload a draft (validated exactly like
 * `npm run script -- validate`, every finding with its line), then publish it; publishing puts
 * the version in the change log, shared, so every client pulls it. Anyone logged in may list.
 */
import { z } from 'zod'

import {
  MAX_SCRIPT_SOURCE_BYTES,
  scriptVersionSchema,
  type PublishedScript
} from '@shared/domain/published-script'
import { checkScriptSource } from '@shared/scripts/script-source'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { UNIQUE_VIOLATION, sqlStateOf } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { appendChanges, configEntityId } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import type { RouteContext, ZodApp } from '../http/route-context'

const uploadSchema = z.object({ source: z.string().min(1).max(MAX_SCRIPT_SOURCE_BYTES) })
const versionParams = z.object({
  scriptId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  version: z.coerce.number().int().min(1).max(2_147_483_647)
})

function requireAuthor(claims: AccessClaims): void {
  if (claims.role !== 'trainer' && claims.role !== 'admin') {
    throw new HttpAppError('forbidden', 'Only trainers and admins manage scripts')
  }
}

interface VersionRow {
  script_id: string
  version: number
  status: 'draft' | 'published'
  uploaded_at: Date
  published_at: Date | null
}

const toVersion = (row: VersionRow) => ({
  scriptId: row.script_id,
  version: row.version,
  status: row.status,
  uploadedAt: row.uploaded_at.toISOString(),
  publishedAt: row.published_at?.toISOString() ?? null
})

export function registerScriptRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/scripts',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['scripts'],
        response: { 200: z.object({ versions: z.array(scriptVersionSchema) }) }
      }
    },
    async () => {
      const rows = await ctx.db.query<VersionRow>(
        `SELECT script_id, version, status, uploaded_at, published_at FROM scripts
          ORDER BY script_id, version`
      )
      return { versions: rows.map(toVersion) }
    }
  )

  app.post(
    '/api/scripts',
    {
      onRequest: requireAuth(ctx.tokens),
      bodyLimit: MAX_SCRIPT_SOURCE_BYTES * 2,
      schema: { tags: ['scripts'], body: uploadSchema, response: { 201: scriptVersionSchema } }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      requireAuthor(claims)
      const checked = checkScriptSource(request.body.source)
      if (!checked.script || checked.issues.length > 0) {
        throw new HttpAppError('invalid_argument', 'The script has problems', {
          issues: checked.issues.map(({ code, message, nodeId, line, column }) => ({
            code,
            message,
            nodeId,
            line,
            column
          }))
        })
      }
      const { id, version } = checked.script
      try {
        const rows = await ctx.db.query<VersionRow>(
          `INSERT INTO scripts (script_id, version, status, source, uploaded_by)
           VALUES ($1, $2, 'draft', $3, $4)
           RETURNING script_id, version, status, uploaded_at, published_at`,
          [id, version, request.body.source, claims.userId]
        )
        const row = rows[0]
        if (!row) throw new Error('insert returned no row')
        await writeAudit(ctx.db, {
          action: 'script.uploaded',
          actorId: claims.userId,
          target: `${id}@${String(version)}`,
          ip: request.ip
        })
        return await reply.code(201).send(toVersion(row))
      } catch (error) {
        if (sqlStateOf(error) === UNIQUE_VIOLATION) {
          throw new HttpAppError(
            'conflict',
            `Version ${String(version)} of ${id} already exists; upload it as a new version`
          )
        }
        throw error
      }
    }
  )

  app.post(
    '/api/scripts/:scriptId/versions/:version/publish',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: { tags: ['scripts'], params: versionParams, response: { 200: scriptVersionSchema } }
    },
    async (request) => {
      const claims = claimsOf(request)
      requireAuthor(claims)
      const { scriptId, version } = request.params
      const published = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<VersionRow & { source: string }>(
          `UPDATE scripts SET status = 'published', published_at = COALESCE(published_at, now())
            WHERE script_id = $1 AND version = $2
            RETURNING script_id, version, status, uploaded_at, published_at, source`,
          [scriptId, version]
        )
        const row = rows[0]
        if (!row?.published_at) {
          throw new HttpAppError('not_found', `No version ${String(version)} of ${scriptId}`)
        }
        const script: PublishedScript = {
          scriptId,
          version,
          source: row.source,
          publishedAt: row.published_at.toISOString()
        }
        // Shared: every user pulls published scripts; the latest version per script wins.
        const cursor = await appendChanges(tx, [
          {
            entity: 'script',
            entityId: configEntityId('script', `${scriptId}@${String(version)}`),
            teamId: null,
            data: script
          }
        ])
        await writeAudit(tx, {
          action: 'script.published',
          actorId: claims.userId,
          target: `${scriptId}@${String(version)}`,
          ip: request.ip
        })
        return { version: toVersion(row), cursor }
      })
      // Every client pulls at once, like after a push.
      await announceChanges(ctx.db, { cursor: published.cursor, teams: [null] })
      return published.version
    }
  )
}
