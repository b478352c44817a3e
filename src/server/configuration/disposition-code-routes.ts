/** Disposition (wrap-up) codes: added, updated, retired and restored by admins. */
import { dispositionCodeSchema } from '@shared/domain/configuration'
import {
  dispositionCodeCreateSchema,
  dispositionCodeUpdateSchema
} from '@shared/domain/configuration-edit'
import { labelColumns, lockDispositionCode, nextSortOrder } from './config-entries'

import type { ConfigRoutes } from './config-change'
import {
  createEntry,
  createRouteOptions,
  entryPath,
  registerRetireRestoreRoutes,
  updateEntry,
  updateRouteOptions,
  type EntryKind
} from './entry-routes'

const dispositionCodes: EntryKind<typeof dispositionCodeSchema> = {
  path: 'disposition-codes',
  table: 'disposition_codes',
  name: 'disposition code',
  entity: 'disposition_code',
  lock: lockDispositionCode,
  schema: dispositionCodeSchema
}

export function registerDispositionCodeRoutes(routes: ConfigRoutes): void {
  const { app, ctx } = routes
  app.post(
    entryPath(dispositionCodes),
    createRouteOptions(routes, dispositionCodes, {
      description: 'Adds a disposition (wrap-up) code; agents are offered it once they pull',
      body: dispositionCodeCreateSchema
    }),
    async (request, reply) => {
      const input = request.body
      const created = await createEntry(ctx, request, dispositionCodes, input.code, async (tx) => {
        const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, 'disposition_codes'))
        await tx.query(
          `INSERT INTO disposition_codes (code, label_es, label_en, needs_callback, active,
                                          sort_order)
           VALUES ($1, $2, $3, $4, true, $5)`,
          [input.code, input.label.es, input.label.en, input.needsCallback, sortOrder]
        )
        return { ...input, active: true, sortOrder }
      })
      return reply.code(201).send(created)
    }
  )
  app.patch(
    entryPath(dispositionCodes, '/:code'),
    updateRouteOptions(routes, dispositionCodes, dispositionCodeUpdateSchema),
    (request) =>
      updateEntry(ctx, request, dispositionCodes, {
        code: request.params.code,
        columns: {
          ...labelColumns(request.body.label),
          needs_callback: request.body.needsCallback,
          sort_order: request.body.sortOrder
        }
      })
  )
  registerRetireRestoreRoutes(routes, dispositionCodes, {
    descriptions: {
      retire: 'Stops offering a code; records that name it stay valid',
      restore: 'Offers a retired code again'
    }
  })
}
