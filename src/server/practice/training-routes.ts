/**
 * The training routes of `@shared/practice/progress-api`: cohorts (trainers and admins) and the
 * progress read from scored practice sessions. A trainer reads the cohorts they lead and those
 * cohorts' trainees; an admin everyone; anyone their own progress. A cohort, trainee or session
 * the caller may not read answers 404, as if it were not there.
 */
import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import {
  TRAINING_PATH,
  cohortBodySchema,
  cohortListSchema,
  cohortParamsSchema,
  cohortProgressSchema,
  cohortSchema,
  practiceSessionDetailSchema,
  sessionParamsSchema,
  traineeListSchema,
  traineeParamsSchema,
  traineeProgressSchema,
  type Cohort,
  type CohortProgress,
  type CohortTraineeRow,
  type TraineeProgress
} from '@shared/practice'
import type { Role } from '@shared/domain/user'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { claimsOf, requireAuth, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import {
  listTraineeCandidates,
  mayFollow,
  notTrainees,
  readCohorts,
  setMembers
} from './cohort-store'
import {
  LISTED_SESSIONS,
  certificationsOf,
  currentScenarios,
  readSession,
  sessionSummaries,
  weakestOf
} from './progress-store'
import { traineeFeedback } from './roleplay-store'

const TRAINERS: readonly Role[] = ['trainer', 'admin']
const TRAINERS_ONLY = 'Only trainers and admins follow trainees'

const round1 = (n: number) => Math.round(n * 10) / 10

async function cohortOr404(db: Queryable, claims: AccessClaims, cohortId: string): Promise<Cohort> {
  const cohort = (await readCohorts(db, claims, cohortId))[0]
  if (!cohort) throw new HttpAppError('not_found', 'No such cohort of yours')
  return cohort
}

async function checkedTrainees(db: Queryable, traineeIds: readonly string[]): Promise<void> {
  const refused = await notTrainees(db, traineeIds)
  if (refused.length > 0) {
    throw new HttpAppError('invalid_argument', 'Only agents can be trainees in a cohort', {
      traineeIds: refused
    })
  }
}

async function traineeProgress(db: Queryable, traineeId: string): Promise<TraineeProgress> {
  const rows = await db.query<{ id: string; display_name: string; team: string | null }>(
    `SELECT u.id, u.display_name, t.name AS team FROM users u
       LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = $1`,
    [traineeId]
  )
  const user = rows[0]
  if (!user) throw new HttpAppError('not_found', 'No such trainee')
  const sessions = await sessionSummaries(db, [traineeId])
  return {
    trainee: { id: user.id, displayName: user.display_name, team: user.team },
    feedback: await traineeFeedback(db, traineeId),
    sessions: sessions.slice(0, LISTED_SESSIONS),
    weakest: await weakestOf(db, [traineeId]),
    certifications: certificationsOf(sessions, await currentScenarios(db))
  }
}

async function cohortProgress(db: Queryable, cohort: Cohort): Promise<CohortProgress> {
  const ids = cohort.trainees.map((t) => t.id)
  const sessions = await sessionSummaries(db, ids)
  const scenarios = await currentScenarios(db)
  const certifications = cohort.trainees.flatMap((trainee) =>
    certificationsOf(
      sessions.filter((s) => s.traineeId === trainee.id),
      scenarios
    ).map((c) => ({ ...c, traineeId: trainee.id }))
  )
  const rows: CohortTraineeRow[] = cohort.trainees.map((trainee) => {
    const own = sessions.filter((s) => s.traineeId === trainee.id)
    const last = own[0]
    return {
      trainee,
      sessions: own.length,
      lastAt: last?.endedAt ?? null,
      lastPercent: last?.percent ?? null,
      averagePercent:
        own.length === 0 ? null : round1(own.reduce((sum, s) => sum + s.percent, 0) / own.length),
      certified: certifications.filter((c) => c.traineeId === trainee.id && c.certified).length
    }
  })
  return {
    cohort,
    rows,
    scenarios: scenarios.map((s) => ({
      scenarioId: s.scenarioId,
      version: s.version,
      title: s.title
    })),
    certifications,
    weakest: await weakestOf(db, ids)
  }
}

export function registerTrainingRoutes(app: ZodApp, ctx: RouteContext): void {
  const trainersOnly = requireRole(ctx.tokens, TRAINERS, TRAINERS_ONLY)

  app.get(
    `${TRAINING_PATH}/cohorts`,
    {
      onRequest: trainersOnly,
      schema: { tags: ['training'], response: { 200: cohortListSchema } }
    },
    async (request) => ({ cohorts: await readCohorts(ctx.db, claimsOf(request)) })
  )

  app.post(
    `${TRAINING_PATH}/cohorts`,
    {
      onRequest: trainersOnly,
      schema: { tags: ['training'], body: cohortBodySchema, response: { 201: cohortSchema } }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { name, traineeIds } = request.body
      await checkedTrainees(ctx.db, traineeIds)
      const id = randomUUID()
      await ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO training_cohorts (id, name, trainer_id) VALUES ($1, $2, $3)', [
          id,
          name,
          claims.userId
        ])
        await setMembers(tx, id, traineeIds)
        await writeAudit(tx, {
          action: 'training_cohort.created',
          actorId: claims.userId,
          target: id,
          ip: request.ip,
          details: { name, trainees: traineeIds.length }
        })
      })
      return reply.code(201).send(await cohortOr404(ctx.db, claims, id))
    }
  )

  app.put(
    `${TRAINING_PATH}/cohorts/:cohortId`,
    {
      onRequest: trainersOnly,
      schema: {
        tags: ['training'],
        params: cohortParamsSchema,
        body: cohortBodySchema,
        response: { 200: cohortSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { cohortId } = request.params
      const { name, traineeIds } = request.body
      await cohortOr404(ctx.db, claims, cohortId)
      await checkedTrainees(ctx.db, traineeIds)
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE training_cohorts SET name = $2 WHERE id = $1', [cohortId, name])
        await setMembers(tx, cohortId, traineeIds)
        await writeAudit(tx, {
          action: 'training_cohort.changed',
          actorId: claims.userId,
          target: cohortId,
          ip: request.ip,
          details: { name, trainees: traineeIds.length }
        })
      })
      return cohortOr404(ctx.db, claims, cohortId)
    }
  )

  app.delete(
    `${TRAINING_PATH}/cohorts/:cohortId`,
    {
      onRequest: trainersOnly,
      schema: { tags: ['training'], params: cohortParamsSchema, response: { 204: z.null() } }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { cohortId } = request.params
      await cohortOr404(ctx.db, claims, cohortId)
      await ctx.db.transaction(async (tx) => {
        // The trainees' sessions stay: they are the trainees' record, not the cohort's.
        await tx.query('DELETE FROM training_cohorts WHERE id = $1', [cohortId])
        await writeAudit(tx, {
          action: 'training_cohort.deleted',
          actorId: claims.userId,
          target: cohortId,
          ip: request.ip
        })
      })
      return reply.code(204).send(null)
    }
  )

  app.get(
    `${TRAINING_PATH}/trainees`,
    {
      onRequest: trainersOnly,
      schema: { tags: ['training'], response: { 200: traineeListSchema } }
    },
    async () => ({ trainees: await listTraineeCandidates(ctx.db) })
  )

  app.get(
    `${TRAINING_PATH}/cohorts/:cohortId/progress`,
    {
      onRequest: trainersOnly,
      schema: {
        tags: ['training'],
        params: cohortParamsSchema,
        response: { 200: cohortProgressSchema }
      }
    },
    async (request) => {
      const cohort = await cohortOr404(ctx.db, claimsOf(request), request.params.cohortId)
      return cohortProgress(ctx.db, cohort)
    }
  )

  app.get(
    `${TRAINING_PATH}/trainees/:traineeId/progress`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['training'],
        params: traineeParamsSchema,
        response: { 200: traineeProgressSchema }
      }
    },
    async (request) => {
      const { traineeId } = request.params
      if (!(await mayFollow(ctx.db, claimsOf(request), traineeId))) {
        throw new HttpAppError('not_found', 'No such trainee of yours')
      }
      return traineeProgress(ctx.db, traineeId)
    }
  )

  app.get(
    `${TRAINING_PATH}/me/progress`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: { tags: ['training'], response: { 200: traineeProgressSchema } }
    },
    async (request) => traineeProgress(ctx.db, claimsOf(request).userId)
  )

  app.get(
    `${TRAINING_PATH}/sessions/:sessionId`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['training'],
        params: sessionParamsSchema,
        response: { 200: practiceSessionDetailSchema }
      }
    },
    async (request) => {
      const session = await readSession(ctx.db, request.params.sessionId)
      if (!session || !(await mayFollow(ctx.db, claimsOf(request), session.traineeId))) {
        throw new HttpAppError('not_found', 'No such practice session of yours')
      }
      return session
    }
  )
}
