/** The compensation limits table: replaced whole by an admin, never edited row by row. */
import { compensationLimitsSchema } from '@shared/domain/configuration'
import { compensationLimitsEditSchema } from '@shared/domain/configuration-edit'
import {
  readCompensationLimits,
  replaceCompensationLimits
} from '../compensation/compensation-store'

import { CONFIGURATION_PATH, commitConfigChange, type ConfigRoutes } from './config-change'

export function registerCompensationLimitRoutes({ app, ctx, guard }: ConfigRoutes): void {
  app.put(
    `${CONFIGURATION_PATH}/compensation-limits`,
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
      commitConfigChange(ctx, request, async (tx) => {
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
