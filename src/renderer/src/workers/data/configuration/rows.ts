/**
 * Configuration pulled from the server, read-only here: disposition codes, pause reasons,
 * complaint categories, compensation limits, floor alert thresholds, the monitoring policy, the
 * directory of users and teams, published scripts and evaluation forms. One table, keyed by kind
 * and code (or id); the latest pulled version of each row wins.
 */
import type { Database } from 'sql.js'

import type { ConfigurationSnapshot } from '@shared/contract/worker'
import {
  compensationLimitsSchema,
  complaintCategoryConfigSchema,
  directoryUserSchema,
  dispositionCodeSchema,
  floorAlertsSchema,
  pauseReasonSchema,
  teamSchema
} from '@shared/domain/configuration'
import { monitoringPolicySchema } from '@shared/monitoring/monitoring-policy'
import { publishedScriptSchema, type PublishedScript } from '@shared/domain/published-script'
import type { Change } from '@shared/sync/protocol'
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

import { asString, queryAll } from '../store/sql'

/** Everything pulled that is not a record with its own table: configuration, directory, scripts. */
export type ConfigChange = Exclude<
  Change,
  {
    entity:
      | 'customer'
      | 'complaint'
      | 'complaint_event'
      | 'compensation'
      | 'interaction'
      | 'agent_state'
      | 'disposition'
      | 'callback'
      | 'whisper'
      | 'evaluation'
      | 'directory_entry'
      | 'practice_purge'
      | 'roleplay_invitation'
  }
>

/** The key each kind of configuration row is kept under (the latest version of a key wins). */
const keys: HandlerTable<ConfigChange, 'entity', null, string> = {
  disposition_code: (_, c) => c.data.code,
  pause_reason: (_, c) => c.data.code,
  complaint_category: (_, c) => c.data.code,
  compensation_limits: () => 'default',
  floor_alerts: () => 'default',
  monitoring_policy: () => 'default',
  user: (_, c) => c.data.id,
  team: (_, c) => c.data.id,
  // Every published version is kept: publishing an older draft later must not replace a newer
  // version; the reader takes the highest.
  script: (_, c) => `${c.data.scriptId}@${String(c.data.version).padStart(6, '0')}`,
  // Every published version too (an evaluation is read against the version it names); retiring
  // a form sends its versions again, and the latest change of a key wins. Read by
  // evaluations/forms.ts, not part of the snapshot every panel decodes.
  evaluation_form: (_, c) => `${c.data.formId}:${String(c.data.version)}`
}

function keyOf(change: ConfigChange): string {
  return runHandler(keys, 'entity', null, change)
}

export function upsertConfigRow(db: Database, change: ConfigChange): void {
  db.run(
    `INSERT INTO config_rows (kind, key, data) VALUES (?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data`,
    [change.entity, keyOf(change), JSON.stringify(change.data)]
  )
}

function rowsOf(db: Database, kind: ConfigChange['entity']): unknown[] {
  return queryAll(db, 'SELECT data FROM config_rows WHERE kind = ? ORDER BY key', [kind]).map(
    (r): unknown => JSON.parse(asString(r['data']))
  )
}

function parsed<T>(
  values: unknown[],
  schema: { safeParse(v: unknown): { success: boolean; data?: T } }
): T[] {
  const out: T[] = []
  for (const v of values) {
    const result = schema.safeParse(v)
    if (result.success && result.data !== undefined) out.push(result.data)
  }
  return out
}

const bySortOrder = <T extends { sortOrder: number; code: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)

/** Everything configured, as pulled; lists keep retired entries (`active: false`) for history. */
export function readConfiguration(db: Database): ConfigurationSnapshot {
  return {
    dispositionCodes: parsed(rowsOf(db, 'disposition_code'), dispositionCodeSchema).sort(
      bySortOrder
    ),
    pauseReasons: parsed(rowsOf(db, 'pause_reason'), pauseReasonSchema).sort(bySortOrder),
    complaintCategories: parsed(
      rowsOf(db, 'complaint_category'),
      complaintCategoryConfigSchema
    ).sort(bySortOrder),
    compensationLimits:
      parsed(rowsOf(db, 'compensation_limits'), compensationLimitsSchema)[0] ?? null,
    floorAlerts: parsed(rowsOf(db, 'floor_alerts'), floorAlertsSchema)[0] ?? null,
    monitoringPolicy: parsed(rowsOf(db, 'monitoring_policy'), monitoringPolicySchema)[0] ?? null,
    users: parsed(rowsOf(db, 'user'), directoryUserSchema).sort((a, b) =>
      a.displayName.localeCompare(b.displayName)
    ),
    teams: parsed(rowsOf(db, 'team'), teamSchema).sort((a, b) => a.name.localeCompare(b.name)),
    scripts: latestVersions(parsed(rowsOf(db, 'script'), publishedScriptSchema))
  }
}

/** The highest published version of each script. */
function latestVersions(all: readonly PublishedScript[]): PublishedScript[] {
  const latest = new Map<string, PublishedScript>()
  for (const script of all) {
    const seen = latest.get(script.scriptId)
    if (!seen || script.version > seen.version) latest.set(script.scriptId, script)
  }
  return [...latest.values()].sort((a, b) => a.scriptId.localeCompare(b.scriptId))
}
