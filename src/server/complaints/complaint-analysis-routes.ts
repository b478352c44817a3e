/**
 * `GET /api/complaints/analysis?from&to[&team]`: the complaint analysis, scoped like the
 * records: a lead sees their own team (naming another team is refused), an admin every team or
 * the one named; agents and trainers get 403.
 */
import {
  boundInstant,
  complaintAnalysisQuerySchema,
  complaintAnalysisReportSchema
} from '@shared/domain/complaint-analysis'
import type { AccessClaims } from '../auth/access-tokens'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { complaintAnalysis } from './complaint-analysis-queries'
import { HttpAppError } from '../http/app-error'
import type { RouteContext, ZodApp } from '../http/route-context'

/** The team whose figures the caller gets (null: every team), or the refusal. */
function teamScope(claims: AccessClaims, team: string | undefined): string | null {
  if (claims.role === 'admin') return team ?? null
  if (claims.role === 'team_lead' && claims.teamId !== null) {
    if (team !== undefined && team !== claims.teamId) {
      throw new HttpAppError('forbidden', "A lead sees their own team's analysis only")
    }
    return claims.teamId
  }
  throw new HttpAppError('forbidden', 'The complaint analysis is for team leads and admins')
}

export function registerComplaintAnalysisRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/complaints/analysis',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['complaints'],
        querystring: complaintAnalysisQuerySchema,
        response: { 200: complaintAnalysisReportSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const teamId = teamScope(claims, request.query.team)
      const from = boundInstant(request.query.from)
      const to = boundInstant(request.query.to)
      if (from.getTime() >= to.getTime()) {
        throw new HttpAppError('invalid_argument', 'The period must end after it starts')
      }
      const figures = await complaintAnalysis(ctx.db, { from, to, teamId, now: new Date() })
      return { from: from.toISOString(), to: to.toISOString(), teamId, ...figures }
    }
  )
}
