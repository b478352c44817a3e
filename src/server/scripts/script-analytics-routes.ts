/**
 * Script analytics for leads and trainers: per script version, runs, completion rate, outcomes,
 * per node the drop-off and median time, and per offer step the offers made and taken. Scoped like the records: a lead sees their team's
 * runs, a trainer practice runs, an admin everything; agents get 403.
 */
import { z } from 'zod'

import { scriptAnalytics, scriptAnalyticsReportSchema } from '@shared/scripts/run-analytics'
import { answerValueSchema } from '@shared/scripts/run-state'
import type { AccessClaims } from '../auth/access-tokens'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { HttpAppError } from '../http/app-error'
import type { RouteContext, ZodApp } from '../http/route-context'

const paramsSchema = z.object({
  scriptId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  version: z.coerce.number().int().min(1).max(2_147_483_647)
})
const querySchema = z.object({
  practice: z.enum(['true', 'false']).optional()
})

/** The team filter for the caller, or the refusal. Practice is what a trainer may see. */
function scopeOf(claims: AccessClaims, practice: boolean): { teamId: string | null } {
  if (claims.role === 'admin') return { teamId: null }
  if (claims.role === 'trainer') {
    if (!practice) throw new HttpAppError('forbidden', 'Trainers see practice runs only')
    return { teamId: null }
  }
  if (claims.role === 'team_lead' && claims.teamId !== null) return { teamId: claims.teamId }
  throw new HttpAppError('forbidden', 'Script analytics are for team leads, trainers and admins')
}

const storedSteps = z.array(
  z.object({
    nodeId: z.string(),
    seconds: z.number().min(0),
    answer: answerValueSchema.optional(),
    offered: z.string().optional()
  })
)

export function registerScriptAnalyticsRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/scripts/:scriptId/versions/:version/analytics',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['scripts'],
        params: paramsSchema,
        querystring: querySchema,
        response: { 200: scriptAnalyticsReportSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const practice = request.query.practice === 'true' || claims.role === 'trainer'
      const { teamId } = scopeOf(claims, practice)
      const { scriptId, version } = request.params
      const rows = await ctx.db.query<{ status: string; outcome: string | null; steps: unknown }>(
        `SELECT status, outcome, steps FROM script_runs
          WHERE script_id = $1 AND script_version = $2 AND practice = $3
            AND ($4::uuid IS NULL OR team_id = $4::uuid)`,
        [scriptId, version, practice, teamId]
      )
      const runs = rows.map((row) => ({
        status: row.status === 'closed' ? ('closed' as const) : ('abandoned' as const),
        outcome: row.outcome,
        // Written through the mutation's schema; parsing again keeps a hand-edited row from
        // breaking the whole report.
        steps: storedSteps.catch([]).parse(row.steps)
      }))
      return { scriptId, version, practice, ...scriptAnalytics(runs) }
    }
  )
}
