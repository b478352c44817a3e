/**
 * Configuration editing, admins only: disposition codes, pause reasons, complaint categories and
 * their subcategories (create, update, retire, restore), the compensation limits table and the
 * floor's alert thresholds (each replaced whole). Every change is one transaction that writes the tables, an audit row and the
 * change-log row every client pulls (they are poked at once). Nothing is ever deleted: calls,
 * states and complaints name these codes, some written offline before a retirement reaches
 * them, so a retired entry stays valid for records and is only no longer offered.
 */
import { adminConfigurationSchema } from '@shared/domain/configuration-edit'
import { requireRole } from '../http/auth-hooks'
import { readCompensationLimits } from '../compensation/compensation-store'
import { allComplaintCategories, allDispositionCodes, allPauseReasons } from './config-entries'

import { registerCompensationLimitRoutes } from './compensation-limit-routes'
import { registerComplaintCategoryRoutes } from './complaint-category-routes'
import { CONFIGURATION_PATH, type ConfigRoutes } from './config-change'
import { registerDispositionCodeRoutes } from './disposition-code-routes'
import { readFloorAlerts, registerFloorAlertRoutes } from './floor-alert-routes'
import { registerPauseReasonRoutes } from './pause-reason-routes'
import { registerMonitoringPolicyRoutes } from '../monitoring/policy-routes'
import type { RouteContext, ZodApp } from '../http/route-context'

export function registerConfigurationAdminRoutes(app: ZodApp, ctx: RouteContext): void {
  const guard = requireRole(ctx.tokens, ['admin'], 'Only admins change the configuration')
  app.get(
    CONFIGURATION_PATH,
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
      compensationLimits: await readCompensationLimits(ctx.db),
      floorAlerts: await readFloorAlerts(ctx.db)
    })
  )
  const routes: ConfigRoutes = { app, ctx, guard }
  registerDispositionCodeRoutes(routes)
  registerPauseReasonRoutes(routes)
  registerComplaintCategoryRoutes(routes)
  registerCompensationLimitRoutes(routes)
  registerFloorAlertRoutes(routes)
  registerMonitoringPolicyRoutes(routes)
}
