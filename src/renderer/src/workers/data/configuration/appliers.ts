/** How pulled configuration (codes, limits, the directory, scripts) lands in the store. */
import type { Database } from 'sql.js'

import type { AppliedKind, PulledSlice } from '../store/apply-tables'
import { upsertConfigRow, type ConfigChange } from './rows'

export const configuration = (db: Database, change: ConfigChange): AppliedKind => {
  upsertConfigRow(db, change)
  return 'configuration'
}

/** Evaluation forms are configuration rows too, written by evaluations/appliers.ts. */
export const configurationPulled: PulledSlice<Exclude<ConfigChange['entity'], 'evaluation_form'>> =
  {
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
