/**
 * Complaint categories and their subcategories (reasons). A category is published whole, so a
 * change to a subcategory republishes its category; the audit target names both
 * (`complaint_category:<category>/<subcategory>`).
 */
import { z } from 'zod'

import {
  complaintCategoryConfigSchema,
  configCodeSchema,
  type ComplaintCategoryConfig
} from '@shared/domain/configuration'
import {
  complaintCategoryCreateSchema,
  complaintCategoryUpdateSchema,
  type ComplaintCategoryCreate
} from '@shared/domain/configuration-edit'
import type { AuditAction } from '../auth/audit-log'
import { labelColumns, lockComplaintCategory, nextSortOrder, updateColumns } from './config-entries'
import type { Queryable } from '../db/db'

import { commitConfigChange, notFound, type ConfigRoutes } from './config-change'
import {
  codeParams,
  createEntry,
  createRouteOptions,
  entryPath,
  lockEntry,
  publishEntry,
  registerRetireRestoreRoutes,
  updateEntry,
  updateRouteOptions,
  type EntryKind
} from './entry-routes'

const complaintCategories: EntryKind<typeof complaintCategoryConfigSchema> = {
  path: 'complaint-categories',
  table: 'complaint_categories',
  name: 'complaint category',
  entity: 'complaint_category',
  lock: lockComplaintCategory,
  schema: complaintCategoryConfigSchema
}

const subcategoryParams = z.object({ code: configCodeSchema, sub: configCodeSchema })

/** A new top-level category, without subcategories yet. */
async function insertCategory(
  tx: Queryable,
  input: ComplaintCategoryCreate
): Promise<ComplaintCategoryConfig> {
  const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'complaint_categories'))
  await tx.query(
    `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active,
                                       sort_order)
     VALUES ($1, NULL, $2, $3, true, $4)`,
    [input.code, input.label.es, input.label.en, sortOrder]
  )
  return lockEntry(tx, complaintCategories, input.code)
}

export function registerComplaintCategoryRoutes(routes: ConfigRoutes): void {
  const { app, ctx } = routes
  app.post(
    entryPath(complaintCategories),
    createRouteOptions(routes, complaintCategories, {
      description: 'Adds a complaint category (without subcategories yet)',
      body: complaintCategoryCreateSchema
    }),
    async (request, reply) => {
      const input = request.body
      const created = await createEntry(ctx, request, complaintCategories, input.code, (tx) =>
        insertCategory(tx, input)
      )
      return reply.code(201).send(created)
    }
  )
  app.patch(
    entryPath(complaintCategories, '/:code'),
    updateRouteOptions(routes, complaintCategories, complaintCategoryUpdateSchema),
    (request) =>
      updateEntry(ctx, request, complaintCategories, {
        code: request.params.code,
        columns: { ...labelColumns(request.body.label), sort_order: request.body.sortOrder },
        where: 'code = $1 AND parent_code IS NULL'
      })
  )
  registerRetireRestoreRoutes(routes, complaintCategories)
  registerSubcategoryRoutes(routes)
}

function registerSubcategoryRoutes({ app, ctx, guard }: ConfigRoutes): void {
  app.post(
    entryPath(complaintCategories, '/:code/subcategories'),
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
      const updated = await commitConfigChange(ctx, request, async (tx) => {
        const before = await lockEntry(tx, complaintCategories, code)
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'complaint_categories', code))
        await tx.query(
          `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active,
                                             sort_order)
           VALUES ($1, $2, $3, $4, true, $5)`,
          [input.code, code, input.label.es, input.label.en, sortOrder]
        )
        const after = await lockEntry(tx, complaintCategories, code)
        return {
          result: after,
          action: 'configuration.created',
          target: `complaint_category:${code}/${input.code}`,
          before,
          publish: publishEntry(complaintCategories, after)
        }
      })
      return reply.code(201).send(updated)
    }
  )

  app.patch(
    entryPath(complaintCategories, '/:code/subcategories/:sub'),
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
      commitConfigChange(ctx, request, async (tx) => {
        const { code, sub } = request.params
        const before = await lockEntry(tx, complaintCategories, code)
        if (!before.subcategories.some((s) => s.code === sub))
          notFound(`subcategory of ${code}`, sub)
        await updateColumns(
          tx,
          'complaint_categories',
          { ...labelColumns(request.body.label), sort_order: request.body.sortOrder },
          { sql: 'code = $1 AND parent_code = $2', params: [sub, code] }
        )
        const after = await lockEntry(tx, complaintCategories, code)
        return {
          result: after,
          action: 'configuration.updated',
          target: `complaint_category:${code}/${sub}`,
          before,
          publish: publishEntry(complaintCategories, after)
        }
      })
  )

  for (const active of [false, true]) {
    const verb = active ? 'restore' : 'retire'
    const action: AuditAction = active ? 'configuration.restored' : 'configuration.retired'
    app.post(
      entryPath(complaintCategories, `/:code/subcategories/:sub/${verb}`),
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          params: subcategoryParams,
          response: { 200: complaintCategoryConfigSchema }
        }
      },
      (request) =>
        commitConfigChange(ctx, request, async (tx) => {
          const { code, sub } = request.params
          const before = await lockEntry(tx, complaintCategories, code)
          const current = before.subcategories.find((s) => s.code === sub)
          if (!current) notFound(`subcategory of ${code}`, sub)
          if (current.active === active) {
            return { result: before, action, target: '', before, publish: null }
          }
          await tx.query(
            'UPDATE complaint_categories SET active = $3 WHERE code = $1 AND parent_code = $2',
            [sub, code, active]
          )
          const after = await lockEntry(tx, complaintCategories, code)
          return {
            result: after,
            action,
            target: `complaint_category:${code}/${sub}`,
            before,
            publish: publishEntry(complaintCategories, after)
          }
        })
    )
  }
}
