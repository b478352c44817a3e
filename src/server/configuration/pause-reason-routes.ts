/**
 * Pause (not ready) reasons: added, updated, retired and restored by admins, except that the
 * reason the phone watchdog sets can never be retired.
 */
import { pauseReasonSchema } from '@shared/domain/configuration'
import {
  WATCHDOG_PAUSE_REASON,
  pauseReasonCreateSchema,
  pauseReasonUpdateSchema
} from '@shared/domain/configuration-edit'
import { labelColumns, lockPauseReason, nextSortOrder } from './config-entries'
import { HttpAppError } from '../http/app-error'

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

const pauseReasons: EntryKind<typeof pauseReasonSchema> = {
  path: 'pause-reasons',
  table: 'pause_reasons',
  name: 'pause reason',
  entity: 'pause_reason',
  lock: lockPauseReason,
  schema: pauseReasonSchema
}

export function registerPauseReasonRoutes(routes: ConfigRoutes): void {
  const { app, ctx } = routes
  app.post(
    entryPath(pauseReasons),
    createRouteOptions(routes, pauseReasons, {
      description: 'Adds a pause (not ready) reason',
      body: pauseReasonCreateSchema
    }),
    async (request, reply) => {
      const input = request.body
      const created = await createEntry(ctx, request, pauseReasons, input.code, async (tx) => {
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
        return { ...input, active: true, sortOrder }
      })
      return reply.code(201).send(created)
    }
  )
  app.patch(
    entryPath(pauseReasons, '/:code'),
    updateRouteOptions(routes, pauseReasons, pauseReasonUpdateSchema),
    (request) =>
      updateEntry(ctx, request, pauseReasons, {
        code: request.params.code,
        columns: {
          ...labelColumns(request.body.label),
          paid: request.body.paid,
          max_minutes: request.body.maxMinutes,
          selectable: request.body.selectable,
          sort_order: request.body.sortOrder
        }
      })
  )
  registerRetireRestoreRoutes(routes, pauseReasons, {
    assertRetirable: (code) => {
      if (code === WATCHDOG_PAUSE_REASON) {
        throw new HttpAppError(
          'conflict',
          `"${code}" is set by the phone watchdog when the phone cannot take calls; it cannot be retired`
        )
      }
    }
  })
}
