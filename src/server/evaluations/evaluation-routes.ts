/**
 * The evaluation requests beside the sync routes (the evaluations themselves are synced records):
 * the facts of a call to score and the figures. Online reads; who may read what is decided in
 * call-context.ts and figures-query.ts.
 */
import {
  callContextQuerySchema,
  callContextSchema,
  evaluationFiguresSchema,
  figuresQuerySchema
} from '@shared/evaluations/evaluation-api'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import { callContext } from './call-context'
import { evaluationFigures } from './figures-query'

export function registerEvaluationRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/evaluations/call-context',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['evaluations'],
        querystring: callContextQuerySchema,
        response: { 200: callContextSchema }
      }
    },
    (request) => callContext(ctx.db, claimsOf(request), request.query)
  )

  app.get(
    '/api/evaluations/figures',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['evaluations'],
        querystring: figuresQuerySchema,
        response: { 200: evaluationFiguresSchema }
      }
    },
    (request) => evaluationFigures(ctx.db, claimsOf(request), request.query)
  )
}
