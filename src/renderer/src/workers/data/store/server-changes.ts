/**
 * Applies one pulled change that is not a customer (customers have their own bulk writer) to
 * the local store: the server's row replaces the local one.
 */
import type { Database } from 'sql.js'

import type { Change } from '@shared/sync/protocol'
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

import { upsertServerAgentState } from '../agent-state/rows'
import { upsertServerCallback } from '../callbacks/rows'
import { upsertServerCompensation } from '../compensation/rows'
import { upsertServerComplaintEvent } from '../complaints/events'
import { upsertServerComplaint } from '../complaints/rows'
import { upsertConfigRow, type ConfigChange } from '../configuration/rows'
import { upsertServerDisposition } from '../dispositions/rows'
import { upsertServerInteraction } from '../interactions/rows'

/** What a pulled change wrote: a record, or configuration (which the store keeps decoded). */
export type AppliedKind = 'record' | 'configuration'

type PulledChange = Exclude<Change, { entity: 'customer' }>

const record =
  <T>(upsert: (db: Database, data: T) => void) =>
  (db: Database, change: { data: T }): AppliedKind => {
    upsert(db, change.data)
    return 'record'
  }

const configuration = (db: Database, change: ConfigChange): AppliedKind => {
  upsertConfigRow(db, change)
  return 'configuration'
}

/** Every entity a pull may bring: one added to the protocol without a writer fails to compile. */
const writers: HandlerTable<PulledChange, 'entity', Database, AppliedKind> = {
  complaint: record(upsertServerComplaint),
  complaint_event: record(upsertServerComplaintEvent),
  compensation: record(upsertServerCompensation),
  interaction: record(upsertServerInteraction),
  agent_state: record(upsertServerAgentState),
  disposition: record(upsertServerDisposition),
  callback: record(upsertServerCallback),
  disposition_code: configuration,
  pause_reason: configuration,
  complaint_category: configuration,
  compensation_limits: configuration,
  user: configuration,
  team: configuration,
  script: configuration
}

export function applyServerChange(db: Database, change: PulledChange): AppliedKind {
  return runHandler(writers, 'entity', db, change)
}
