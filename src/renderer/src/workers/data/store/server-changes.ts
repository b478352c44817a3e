/**
 * Applies one pulled change that is not a customer (customers have their own bulk writer) to
 * the local store: the server's row replaces the local one. Each capability says how its
 * entities are written (its appliers.ts); an entity added to the protocol without a writer fails
 * to compile.
 */
import type { Database } from 'sql.js'

import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

import { agentStatePulled } from '../agent-state/appliers'
import { callbackPulled } from '../callbacks/appliers'
import { compensationPulled } from '../compensation/appliers'
import { complaintPulled } from '../complaints/appliers'
import { configurationPulled } from '../configuration/appliers'
import { directoryPulled } from '../directory/appliers'
import { dispositionPulled } from '../dispositions/appliers'
import { evaluationPulled } from '../evaluations/appliers'
import { interactionPulled } from '../interactions/appliers'
import { roleplayInvitationPulled } from '../practice/invitation-appliers'
import { practicePulled } from '../practice/purge'
import { whisperPulled } from '../whispers/appliers'
import type { AppliedKind, PulledChange } from './apply-tables'

const writers: HandlerTable<PulledChange, 'entity', Database, AppliedKind> = {
  ...complaintPulled,
  ...compensationPulled,
  ...interactionPulled,
  ...agentStatePulled,
  ...dispositionPulled,
  ...callbackPulled,
  ...whisperPulled,
  ...evaluationPulled,
  ...practicePulled,
  ...roleplayInvitationPulled,
  ...configurationPulled,
  ...directoryPulled
}

export function applyServerChange(db: Database, change: PulledChange): AppliedKind {
  return runHandler(writers, 'entity', db, change)
}
