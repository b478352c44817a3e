/**
 * The floor's alert thresholds: one value in `settings`, replaced whole by an admin and published
 * to every client like the compensation limits. A database seeded before it existed has no row:
 * the defaults stand until an admin saves (the floor uses the same defaults meanwhile).
 */
import {
  defaultFloorAlerts,
  floorAlertsSchema,
  type FloorAlerts
} from '@shared/domain/configuration'
import { floorAlertsEditSchema } from '@shared/domain/configuration-edit'
import type { Queryable } from '../db/db'

import { CONFIGURATION_PATH, commitConfigChange, type ConfigRoutes } from './config-change'
import { readSetting, writeSetting } from './settings-row'

const KEY = 'floor_alerts'

/** The thresholds as configured, or the defaults when none were ever saved. */
export function readFloorAlerts(tx: Queryable): Promise<FloorAlerts> {
  return readSetting(tx, KEY, floorAlertsSchema, defaultFloorAlerts)
}

/** Replaces the thresholds: an admin's edit, or the seed's defaults. */
export function replaceFloorAlerts(tx: Queryable, alerts: FloorAlerts): Promise<void> {
  return writeSetting(tx, KEY, alerts)
}

export function registerFloorAlertRoutes({ app, ctx, guard }: ConfigRoutes): void {
  app.put(
    `${CONFIGURATION_PATH}/floor-alerts`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description:
          "Replaces the floor's alert thresholds (long call in minutes, long wrap-up in seconds, " +
          'the missed-call window in minutes) and which alerts raise an OS notification. A ' +
          "pause's limit is its reason's maxMinutes.",
        body: floorAlertsEditSchema,
        response: { 200: floorAlertsSchema }
      }
    },
    (request) =>
      commitConfigChange(ctx, request, async (tx) => {
        // Two admins saving at once take turns, so the audit's "before" is what each replaced.
        await tx.query('LOCK TABLE settings IN EXCLUSIVE MODE')
        const before = await readFloorAlerts(tx)
        await replaceFloorAlerts(tx, request.body)
        const after = await readFloorAlerts(tx)
        return {
          result: after,
          action: 'configuration.updated',
          target: KEY,
          before,
          publish: { entity: 'floor_alerts', key: 'default', data: after }
        }
      })
  )
}
