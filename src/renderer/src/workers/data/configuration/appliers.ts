/** How pulled configuration (codes, limits, the directory, scripts) lands in the store. */
import type { Database } from 'sql.js'

import type { AppliedKind, PulledSlice } from '../store/apply-tables'
import { upsertConfigRow, type ConfigChange } from './rows'

const configuration = (db: Database, change: ConfigChange): AppliedKind => {
  upsertConfigRow(db, change)
  return 'configuration'
}

export const configurationPulled: PulledSlice<ConfigChange['entity']> = {
  disposition_code: configuration,
  pause_reason: configuration,
  complaint_category: configuration,
  compensation_limits: configuration,
  floor_alerts: configuration,
  monitoring_policy: configuration,
  user: configuration,
  team: configuration,
  script: configuration
}
