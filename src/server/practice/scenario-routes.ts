/**
 * Practice scenarios on the server (issue 20), the routes of `@shared/practice/scenario-api`.
 * Trainers and admins upload a scenario file as a draft version (its id and version are the
 * file's, checked against the script version it names: see scenario-scripts.ts), publish it and
 * retire or restore the scenario; everyone signed in reads what a trainee may run, the published
 * versions of scenarios not retired.
 *
 * Publishing a published version again answers 200 with it unchanged (like forms and scripts):
 * a retried click must not fail. An agent or lead asking for a draft or a retired scenario's
 * version gets 404, as if it were not there: they have nothing to do with it.
 */
import { z } from 'zod'

import {
  MAX_SCENARIO_SOURCE_BYTES,
  checkScenarioSource,
  scenarioListQuerySchema,
  scenarioParamsSchema,
  scenarioRejectedSchema,
  scenarioRetireBodySchema,
  scenarioSourceBodySchema,
  scenarioVersionDetailSchema,
  scenarioVersionListSchema,
  scenarioVersionParamsSchema,
  scenarioVersionSchema
} from '@shared/practice'
import { errorEnvelopeSchema } from '@shared/sync/auth'
import type { Role } from '@shared/domain/user'
import { writeAudit } from '../auth/audit-log'
import { UNIQUE_VIOLATION, sqlStateOf } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { locatedRejection } from '../http/located-rejection'
import { claimsOf, requireAuth, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { PracticeAudioRenderer } from './practice-audio'
import { scriptLookupFor } from './scenario-scripts'
import {
  INSERT_COLUMNS,
  INSERT_PLACEHOLDERS,
  insertValues,
  listAllScenarioVersions,
  listPublishedScenarios,
  readScenarioVersion,
  scenarioDetailOf,
  scenarioVersionOf,
  type ScenarioRow
} from './scenario-versions'

const AUTHORS: readonly Role[] = ['trainer', 'admin']
const AUTHORS_ONLY = 'Only trainers and admins manage practice scenarios'
const isAuthor = (role: Role) => AUTHORS.includes(role)

/**
 * 400 for a scenario with findings: `scenarioRejectedSchema` at the top level (what the
 * trainer's editor reads) with the usual error envelope beside it, as the form routes answer;
 * any other 400 (a bad body) is the envelope alone.
 */
const rejectedBodySchema = z.union([
  scenarioRejectedSchema.extend(errorEnvelopeSchema.shape),
  errorEnvelopeSchema
])

export function registerPracticeScenarioRoutes(
  app: ZodApp,
  ctx: RouteContext,
  audio: PracticeAudioRenderer
): void {
  app.get(
    '/api/practice-scenarios',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['practice'],
        querystring: scenarioListQuerySchema,
        response: { 200: scenarioVersionListSchema }
      }
    },
    async (request) => {
      if (!request.query.all) return { versions: await listPublishedScenarios(ctx.db) }
      if (!isAuthor(claimsOf(request).role)) {
        throw new HttpAppError('forbidden', 'Only trainers and admins list every version')
      }
      return { versions: await listAllScenarioVersions(ctx.db) }
    }
  )

  app.get(
    '/api/practice-scenarios/:scenarioId/:version',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['practice'],
        params: scenarioVersionParamsSchema,
        response: { 200: scenarioVersionDetailSchema }
      }
    },
    async (request) => {
      const { scenarioId, version } = request.params
      const row = await readScenarioVersion(ctx.db, scenarioId, version)
      const visible =
        row !== null &&
        (isAuthor(claimsOf(request).role) || (row.status === 'published' && !row.retired))
      if (!visible) {
        throw new HttpAppError('not_found', `No version ${String(version)} of ${scenarioId}`)
      }
      return scenarioDetailOf(row)
    }
  )

  app.post(
    '/api/practice-scenarios',
    {
      onRequest: requireRole(ctx.tokens, AUTHORS, AUTHORS_ONLY),
      // JSON escaping can double the source's size on the wire.
      bodyLimit: MAX_SCENARIO_SOURCE_BYTES * 2 + 1024,
      schema: {
        tags: ['practice'],
        body: scenarioSourceBodySchema,
        response: { 201: scenarioVersionSchema, 400: rejectedBodySchema }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { source } = request.body
      const checked = checkScenarioSource(source, await scriptLookupFor(ctx.db, source))
      if (!checked.scenario || checked.issues.length > 0) {
        const issues = checked.issues.map((i) => ({
          code: i.code,
          message: i.message,
          ...(i.detail ? { detail: i.detail } : {}),
          id: i.id,
          path: i.path,
          line: i.line,
          column: i.column
        }))
        return reply.code(400).send(locatedRejection('invalid_scenario', 'scenario', issues))
      }
      const scenario = checked.scenario
      const target = `${scenario.id}@${String(scenario.version)}`
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.query<ScenarioRow>(
            `INSERT INTO practice_scenarios (${INSERT_COLUMNS}, status)
             VALUES (${INSERT_PLACEHOLDERS}, 'draft')`,
            insertValues(source, scenario, claims.userId)
          )
          await writeAudit(tx, {
            action: 'practice_scenario.uploaded',
            actorId: claims.userId,
            target,
            ip: request.ip
          })
        })
      } catch (error) {
        if (sqlStateOf(error) === UNIQUE_VIOLATION) {
          throw new HttpAppError(
            'conflict',
            `Version ${String(scenario.version)} of ${scenario.id} already exists; upload it as a new version`
          )
        }
        throw error
      }
      const row = await readScenarioVersion(ctx.db, scenario.id, scenario.version)
      if (!row) throw new Error(`scenario ${target} vanished`)
      return reply.code(201).send(scenarioVersionOf(row))
    }
  )

  app.post(
    '/api/practice-scenarios/:scenarioId/:version/publish',
    {
      onRequest: requireRole(ctx.tokens, AUTHORS, AUTHORS_ONLY),
      schema: {
        tags: ['practice'],
        params: scenarioVersionParamsSchema,
        response: { 200: scenarioVersionSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { scenarioId, version } = request.params
      const target = `${scenarioId}@${String(version)}`
      await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<{ status: string }>(
          `SELECT status FROM practice_scenarios WHERE scenario_id = $1 AND version = $2
             FOR UPDATE`,
          [scenarioId, version]
        )
        const row = rows[0]
        if (!row)
          throw new HttpAppError('not_found', `No version ${String(version)} of ${scenarioId}`)
        // Published already: nothing changes (a published version never does), nothing to audit.
        if (row.status === 'published') return
        await tx.query(
          `UPDATE practice_scenarios SET status = 'published', published_at = now()
            WHERE scenario_id = $1 AND version = $2`,
          [scenarioId, version]
        )
        await writeAudit(tx, {
          action: 'practice_scenario.published',
          actorId: claims.userId,
          target,
          ip: request.ip
        })
      })
      const row = await readScenarioVersion(ctx.db, scenarioId, version)
      if (!row) throw new Error(`scenario ${target} vanished`)
      // The customer's voice, in the background (lines already rendered are skipped, so a
      // repeated publish also retries a line that failed).
      void audio.render([scenarioDetailOf(row).scenario])
      return scenarioVersionOf(row)
    }
  )

  app.post(
    '/api/practice-scenarios/:scenarioId/retire',
    {
      onRequest: requireRole(ctx.tokens, AUTHORS, AUTHORS_ONLY),
      bodyLimit: 1024,
      schema: {
        tags: ['practice'],
        params: scenarioParamsSchema,
        body: scenarioRetireBodySchema,
        response: { 200: scenarioVersionListSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { scenarioId } = request.params
      const { retired } = request.body
      await ctx.db.transaction(async (tx) => {
        const exists = await tx.query(
          'SELECT 1 FROM practice_scenarios WHERE scenario_id = $1 LIMIT 1',
          [scenarioId]
        )
        if (exists.length === 0) throw new HttpAppError('not_found', `No scenario ${scenarioId}`)
        // Only a change is audited: retiring a retired scenario again is a no-op.
        const changed = retired
          ? await tx.query(
              `INSERT INTO practice_scenario_retirements (scenario_id, retired_by) VALUES ($1, $2)
               ON CONFLICT (scenario_id) DO NOTHING RETURNING scenario_id`,
              [scenarioId, claims.userId]
            )
          : await tx.query(
              'DELETE FROM practice_scenario_retirements WHERE scenario_id = $1 RETURNING scenario_id',
              [scenarioId]
            )
        if (changed.length === 0) return
        await writeAudit(tx, {
          action: retired ? 'practice_scenario.retired' : 'practice_scenario.restored',
          actorId: claims.userId,
          target: scenarioId,
          ip: request.ip
        })
      })
      return { versions: await listAllScenarioVersions(ctx.db, scenarioId) }
    }
  )
}
