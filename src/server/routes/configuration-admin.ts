/**
 * Configuration editing, admins only: disposition codes, pause reasons, complaint categories and
 * their subcategories (create, update, retire, restore) and the compensation limits table
 * (replaced whole). Every change is one transaction that writes the tables, an audit row and the
 * change-log row every client pulls (they are poked at once). Nothing is ever deleted: calls,
 * states and complaints name these codes, some written offline before a retirement reaches
 * them, so a retired entry stays valid for records and is only no longer offered.
 */
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import {
  compensationLimitsSchema,
  complaintCategoryConfigSchema,
  configCodeSchema,
  dispositionCodeSchema,
  pauseReasonSchema,
  type CompensationLimits,
  type ComplaintCategoryConfig
} from '../../shared/domain/configuration'
import {
  WATCHDOG_PAUSE_REASON,
  adminConfigurationSchema,
  compensationLimitsEditSchema,
  complaintCategoryCreateSchema,
  complaintCategoryUpdateSchema,
  dispositionCodeCreateSchema,
  dispositionCodeUpdateSchema,
  pauseReasonCreateSchema,
  pauseReasonUpdateSchema
} from '../../shared/domain/configuration-edit'
import { writeAudit, type AuditAction } from '../auth/audit-log'
import { claimsOf, requireRole } from '../auth/authenticate'
import { readCompensationLimits } from '../compensation/compensation-store'
import {
  allComplaintCategories,
  allDispositionCodes,
  allPauseReasons,
  labelColumns,
  lockComplaintCategory,
  lockDispositionCode,
  lockPauseReason,
  nextSortOrder,
  updateColumns
} from '../configuration/config-entries'
import { UNIQUE_VIOLATION, sqlStateOf, type Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { appendChanges, configEntityId, type ChangeEntity } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import type { RouteContext, ZodApp } from './route-context'

const BASE = '/api/admin/configuration'
const codeParams = z.object({ code: configCodeSchema })
const subcategoryParams = z.object({ code: configCodeSchema, sub: configCodeSchema })

/** What one change did: the audit row's facts and the entry every client pulls again. */
interface ConfigChange<T> {
  result: T
  action: AuditAction
  target: string
  before: unknown
  /** The published entry; null when nothing changed (no audit row, no change-log row). */
  publish: { entity: ChangeEntity; key: string; data: unknown } | null
}

/**
 * Runs `work` in one transaction with its audit row and change-log row, then pokes every client.
 * A code that already exists (even retired) is a 409.
 */
async function commit<T>(
  ctx: RouteContext,
  request: FastifyRequest,
  work: (tx: Queryable) => Promise<ConfigChange<T>>
): Promise<T> {
  const claims = claimsOf(request)
  try {
    const done = await ctx.db.transaction(async (tx) => {
      const change = await work(tx)
      if (!change.publish) return { result: change.result, cursor: null }
      const { entity, key, data } = change.publish
      await writeAudit(tx, {
        action: change.action,
        actorId: claims.userId,
        target: change.target,
        ip: request.ip,
        details: { before: change.before, after: data }
      })
      // Shared with everyone, under the same id the seed used, so the new version replaces it.
      const cursor = await appendChanges(tx, [
        { entity, entityId: configEntityId(entity, key), teamId: null, data }
      ])
      return { result: change.result, cursor }
    })
    if (done.cursor !== null) await announceChanges(ctx.db, { cursor: done.cursor, teams: [null] })
    return done.result
  } catch (error) {
    if (sqlStateOf(error) === UNIQUE_VIOLATION) {
      throw new HttpAppError(
        'conflict',
        'That code is already in use (retired entries keep theirs)'
      )
    }
    throw error
  }
}

function notFound(what: string, code: string): never {
  throw new HttpAppError('not_found', `No ${what} "${code}"`)
}

function registerDispositionCodeRoutes(app: ZodApp, ctx: RouteContext, guard: Guard): void {
  const path = `${BASE}/disposition-codes`
  const publish = (data: z.infer<typeof dispositionCodeSchema>) => ({
    entity: 'disposition_code' as const,
    key: data.code,
    data
  })

  app.post(
    path,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'Adds a disposition (wrap-up) code; agents are offered it once they pull',
        body: dispositionCodeCreateSchema,
        response: { 201: dispositionCodeSchema }
      }
    },
    async (request, reply) => {
      const input = request.body
      const created = await commit(ctx, request, async (tx) => {
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'disposition_codes'))
        await tx.query(
          `INSERT INTO disposition_codes (code, label_es, label_en, needs_callback, active,
                                          sort_order)
           VALUES ($1, $2, $3, $4, true, $5)`,
          [input.code, input.label.es, input.label.en, input.needsCallback, sortOrder]
        )
        const entry = { ...input, active: true, sortOrder }
        return {
          result: entry,
          action: 'configuration.created',
          target: `disposition_code:${input.code}`,
          before: null,
          publish: publish(entry)
        }
      })
      return reply.code(201).send(created)
    }
  )

  app.patch(
    `${path}/:code`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        params: codeParams,
        body: dispositionCodeUpdateSchema,
        response: { 200: dispositionCodeSchema }
      }
    },
    (request) =>
      commit(ctx, request, async (tx) => {
        const { code } = request.params
        const before = (await lockDispositionCode(tx, code)) ?? notFound('disposition code', code)
        const patch = request.body
        await updateColumns(
          tx,
          'disposition_codes',
          {
            ...labelColumns(patch.label),
            needs_callback: patch.needsCallback,
            sort_order: patch.sortOrder
          },
          { sql: 'code = $1', params: [code] }
        )
        const after = (await lockDispositionCode(tx, code)) ?? notFound('disposition code', code)
        return {
          result: after,
          action: 'configuration.updated',
          target: `disposition_code:${code}`,
          before,
          publish: publish(after)
        }
      })
  )

  for (const active of [false, true]) {
    app.post(
      `${path}/:code/${active ? 'restore' : 'retire'}`,
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          description: active
            ? 'Offers a retired code again'
            : 'Stops offering a code; records that name it stay valid',
          params: codeParams,
          response: { 200: dispositionCodeSchema }
        }
      },
      (request) =>
        commit(ctx, request, async (tx) => {
          const { code } = request.params
          const before = (await lockDispositionCode(tx, code)) ?? notFound('disposition code', code)
          const after = { ...before, active }
          if (before.active !== active) {
            await tx.query('UPDATE disposition_codes SET active = $2 WHERE code = $1', [
              code,
              active
            ])
          }
          return {
            result: after,
            action: active ? 'configuration.restored' : 'configuration.retired',
            target: `disposition_code:${code}`,
            before,
            publish: before.active === active ? null : publish(after)
          }
        })
    )
  }
}

function registerPauseReasonRoutes(app: ZodApp, ctx: RouteContext, guard: Guard): void {
  const path = `${BASE}/pause-reasons`
  const publish = (data: z.infer<typeof pauseReasonSchema>) => ({
    entity: 'pause_reason' as const,
    key: data.code,
    data
  })

  app.post(
    path,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'Adds a pause (not ready) reason',
        body: pauseReasonCreateSchema,
        response: { 201: pauseReasonSchema }
      }
    },
    async (request, reply) => {
      const input = request.body
      const created = await commit(ctx, request, async (tx) => {
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'pause_reasons'))
        await tx.query(
          `INSERT INTO pause_reasons (code, label_es, label_en, paid, max_minutes, selectable,
                                      active, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7)`,
          [
            input.code,
            input.label.es,
            input.label.en,
            input.paid,
            input.maxMinutes,
            input.selectable,
            sortOrder
          ]
        )
        const entry = { ...input, active: true, sortOrder }
        return {
          result: entry,
          action: 'configuration.created',
          target: `pause_reason:${input.code}`,
          before: null,
          publish: publish(entry)
        }
      })
      return reply.code(201).send(created)
    }
  )

  app.patch(
    `${path}/:code`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        params: codeParams,
        body: pauseReasonUpdateSchema,
        response: { 200: pauseReasonSchema }
      }
    },
    (request) =>
      commit(ctx, request, async (tx) => {
        const { code } = request.params
        const before = (await lockPauseReason(tx, code)) ?? notFound('pause reason', code)
        const patch = request.body
        await updateColumns(
          tx,
          'pause_reasons',
          {
            ...labelColumns(patch.label),
            paid: patch.paid,
            max_minutes: patch.maxMinutes,
            selectable: patch.selectable,
            sort_order: patch.sortOrder
          },
          { sql: 'code = $1', params: [code] }
        )
        const after = (await lockPauseReason(tx, code)) ?? notFound('pause reason', code)
        return {
          result: after,
          action: 'configuration.updated',
          target: `pause_reason:${code}`,
          before,
          publish: publish(after)
        }
      })
  )

  for (const active of [false, true]) {
    app.post(
      `${path}/:code/${active ? 'restore' : 'retire'}`,
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          params: codeParams,
          response: { 200: pauseReasonSchema }
        }
      },
      (request) =>
        commit(ctx, request, async (tx) => {
          const { code } = request.params
          if (!active && code === WATCHDOG_PAUSE_REASON) {
            throw new HttpAppError(
              'conflict',
              `"${code}" is set by the phone watchdog when the phone cannot take calls; it cannot be retired`
            )
          }
          const before = (await lockPauseReason(tx, code)) ?? notFound('pause reason', code)
          const after = { ...before, active }
          if (before.active !== active) {
            await tx.query('UPDATE pause_reasons SET active = $2 WHERE code = $1', [code, active])
          }
          return {
            result: after,
            action: active ? 'configuration.restored' : 'configuration.retired',
            target: `pause_reason:${code}`,
            before,
            publish: before.active === active ? null : publish(after)
          }
        })
    )
  }
}

/** A category is published whole: a change to a subcategory republishes its category. */
function publishCategory(data: ComplaintCategoryConfig) {
  return { entity: 'complaint_category' as const, key: data.code, data }
}

async function lockedCategory(tx: Queryable, code: string): Promise<ComplaintCategoryConfig> {
  return (await lockComplaintCategory(tx, code)) ?? notFound('complaint category', code)
}

function registerComplaintCategoryRoutes(app: ZodApp, ctx: RouteContext, guard: Guard): void {
  const path = `${BASE}/complaint-categories`

  app.post(
    path,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'Adds a complaint category (without subcategories yet)',
        body: complaintCategoryCreateSchema,
        response: { 201: complaintCategoryConfigSchema }
      }
    },
    async (request, reply) => {
      const input = request.body
      const created = await commit(ctx, request, async (tx) => {
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'complaint_categories'))
        await tx.query(
          `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active,
                                             sort_order)
           VALUES ($1, NULL, $2, $3, true, $4)`,
          [input.code, input.label.es, input.label.en, sortOrder]
        )
        const after = await lockedCategory(tx, input.code)
        return {
          result: after,
          action: 'configuration.created',
          target: `complaint_category:${input.code}`,
          before: null,
          publish: publishCategory(after)
        }
      })
      return reply.code(201).send(created)
    }
  )

  app.patch(
    `${path}/:code`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        params: codeParams,
        body: complaintCategoryUpdateSchema,
        response: { 200: complaintCategoryConfigSchema }
      }
    },
    (request) =>
      commit(ctx, request, async (tx) => {
        const { code } = request.params
        const before = await lockedCategory(tx, code)
        await updateColumns(
          tx,
          'complaint_categories',
          { ...labelColumns(request.body.label), sort_order: request.body.sortOrder },
          { sql: 'code = $1 AND parent_code IS NULL', params: [code] }
        )
        const after = await lockedCategory(tx, code)
        return {
          result: after,
          action: 'configuration.updated',
          target: `complaint_category:${code}`,
          before,
          publish: publishCategory(after)
        }
      })
  )

  app.post(
    `${path}/:code/subcategories`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'Adds a subcategory (reason) to a category',
        params: codeParams,
        body: complaintCategoryCreateSchema,
        response: { 201: complaintCategoryConfigSchema }
      }
    },
    async (request, reply) => {
      const input = request.body
      const { code } = request.params
      const updated = await commit(ctx, request, async (tx) => {
        const before = await lockedCategory(tx, code)
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'complaint_categories', code))
        await tx.query(
          `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active,
                                             sort_order)
           VALUES ($1, $2, $3, $4, true, $5)`,
          [input.code, code, input.label.es, input.label.en, sortOrder]
        )
        const after = await lockedCategory(tx, code)
        return {
          result: after,
          action: 'configuration.created',
          target: `complaint_category:${code}/${input.code}`,
          before,
          publish: publishCategory(after)
        }
      })
      return reply.code(201).send(updated)
    }
  )

  app.patch(
    `${path}/:code/subcategories/:sub`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        params: subcategoryParams,
        body: complaintCategoryUpdateSchema,
        response: { 200: complaintCategoryConfigSchema }
      }
    },
    (request) =>
      commit(ctx, request, async (tx) => {
        const { code, sub } = request.params
        const before = await lockedCategory(tx, code)
        if (!before.subcategories.some((s) => s.code === sub))
          notFound(`subcategory of ${code}`, sub)
        await updateColumns(
          tx,
          'complaint_categories',
          { ...labelColumns(request.body.label), sort_order: request.body.sortOrder },
          { sql: 'code = $1 AND parent_code = $2', params: [sub, code] }
        )
        const after = await lockedCategory(tx, code)
        return {
          result: after,
          action: 'configuration.updated',
          target: `complaint_category:${code}/${sub}`,
          before,
          publish: publishCategory(after)
        }
      })
  )

  for (const active of [false, true]) {
    const verb = active ? 'restore' : 'retire'
    const action = active ? 'configuration.restored' : 'configuration.retired'
    app.post(
      `${path}/:code/${verb}`,
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          params: codeParams,
          response: { 200: complaintCategoryConfigSchema }
        }
      },
      (request) =>
        commit(ctx, request, async (tx) => {
          const { code } = request.params
          const before = await lockedCategory(tx, code)
          if (before.active === active) {
            return { result: before, action, target: '', before, publish: null }
          }
          await tx.query('UPDATE complaint_categories SET active = $2 WHERE code = $1', [
            code,
            active
          ])
          const after = await lockedCategory(tx, code)
          return {
            result: after,
            action,
            target: `complaint_category:${code}`,
            before,
            publish: publishCategory(after)
          }
        })
    )
    app.post(
      `${path}/:code/subcategories/:sub/${verb}`,
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          params: subcategoryParams,
          response: { 200: complaintCategoryConfigSchema }
        }
      },
      (request) =>
        commit(ctx, request, async (tx) => {
          const { code, sub } = request.params
          const before = await lockedCategory(tx, code)
          const current = before.subcategories.find((s) => s.code === sub)
          if (!current) notFound(`subcategory of ${code}`, sub)
          if (current.active === active) {
            return { result: before, action, target: '', before, publish: null }
          }
          await tx.query(
            'UPDATE complaint_categories SET active = $3 WHERE code = $1 AND parent_code = $2',
            [sub, code, active]
          )
          const after = await lockedCategory(tx, code)
          return {
            result: after,
            action,
            target: `complaint_category:${code}/${sub}`,
            before,
            publish: publishCategory(after)
          }
        })
    )
  }
}

/** Replaces the limits, the caps and the currency with what the admin sent. */
async function replaceCompensationLimits(tx: Queryable, limits: CompensationLimits): Promise<void> {
  await tx.query('DELETE FROM compensation_limits')
  await tx.query('DELETE FROM compensation_caps')
  for (const l of limits.perGrant) {
    await tx.query('INSERT INTO compensation_limits (role, tier, max_amount) VALUES ($1, $2, $3)', [
      l.role,
      l.tier,
      l.maxAmount
    ])
  }
  for (const c of limits.dailyCapPerAgent) {
    await tx.query(
      "INSERT INTO compensation_caps (scope, role, max_amount) VALUES ('agent_daily', $1, $2)",
      [c.role, c.maxAmount]
    )
  }
  await tx.query(
    "INSERT INTO compensation_caps (scope, role, max_amount) VALUES ('customer_daily', '', $1)",
    [limits.dailyCapPerCustomer]
  )
  await tx.query(
    `INSERT INTO settings (key, value) VALUES ('currency', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(limits.currency)]
  )
}

function registerCompensationLimitRoutes(app: ZodApp, ctx: RouteContext, guard: Guard): void {
  app.put(
    `${BASE}/compensation-limits`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description:
          'Replaces the compensation limits: per grant by role and tier, daily caps per agent ' +
          'role and per customer, and the currency. A pair left out means no authority.',
        body: compensationLimitsEditSchema,
        response: { 200: compensationLimitsSchema }
      }
    },
    (request) =>
      commit(ctx, request, async (tx) => {
        // Two admins replacing the table at once take turns; grants keep reading the old rows
        // until this commits (one snapshot: old limits or new, never a mix).
        await tx.query('LOCK TABLE compensation_limits, compensation_caps IN EXCLUSIVE MODE')
        const before = await readCompensationLimits(tx)
        await replaceCompensationLimits(tx, request.body)
        const after = await readCompensationLimits(tx)
        return {
          result: after,
          action: 'configuration.updated',
          target: 'compensation_limits',
          before,
          publish: { entity: 'compensation_limits', key: 'default', data: after }
        }
      })
  )
}

type Guard = ReturnType<typeof requireRole>

export function registerConfigurationAdminRoutes(app: ZodApp, ctx: RouteContext): void {
  const guard = requireRole(ctx.tokens, ['admin'], 'Only admins change the configuration')
  app.get(
    BASE,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description: 'Everything configured, retired entries included',
        response: { 200: adminConfigurationSchema }
      }
    },
    async () => ({
      dispositionCodes: await allDispositionCodes(ctx.db),
      pauseReasons: await allPauseReasons(ctx.db),
      complaintCategories: await allComplaintCategories(ctx.db),
      compensationLimits: await readCompensationLimits(ctx.db)
    })
  )
  registerDispositionCodeRoutes(app, ctx, guard)
  registerPauseReasonRoutes(app, ctx, guard)
  registerComplaintCategoryRoutes(app, ctx, guard)
  registerCompensationLimitRoutes(app, ctx, guard)
}
