/**
 * Applies one pulled change that is not a customer (customers have their own bulk writer) to
 * the local store: the server's row replaces the local one.
 */
import type { Database } from 'sql.js'

import type { Change } from '../../../../shared/sync/protocol'

import { upsertServerAgentState } from './agent-state-rows'
import { upsertServerCallback } from './callback-rows'
import { upsertServerCompensation } from './compensation-rows'
import { upsertServerComplaintEvent } from './complaint-event-rows'
import { upsertServerComplaint } from './complaint-rows'
import { upsertConfigRow } from './config-rows'
import { upsertServerDisposition } from './disposition-rows'
import { upsertServerInteraction } from './interaction-rows'

/** What a pulled change wrote: a record, or configuration (which the store keeps decoded). */
export type AppliedKind = 'record' | 'configuration'

export function applyServerChange(
  db: Database,
  change: Exclude<Change, { entity: 'customer' }>
): AppliedKind {
  switch (change.entity) {
    case 'complaint':
      upsertServerComplaint(db, change.data)
      return 'record'
    case 'complaint_event':
      upsertServerComplaintEvent(db, change.data)
      return 'record'
    case 'compensation':
      upsertServerCompensation(db, change.data)
      return 'record'
    case 'interaction':
      upsertServerInteraction(db, change.data)
      return 'record'
    case 'agent_state':
      upsertServerAgentState(db, change.data)
      return 'record'
    case 'disposition':
      upsertServerDisposition(db, change.data)
      return 'record'
    case 'callback':
      upsertServerCallback(db, change.data)
      return 'record'
    default:
      upsertConfigRow(db, change)
      return 'configuration'
  }
}
