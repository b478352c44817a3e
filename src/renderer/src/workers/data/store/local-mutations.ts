/**
 * Applying journaled mutations: on a local write and on replay at startup. Replay is
 * idempotent, since a mutation whose row already exists was applied before the snapshot. A line
 * this build cannot read is queued as rejected, with its raw args, unless already queued.
 */
import type { Database } from 'sql.js'

import type { Mutation } from '@shared/sync/protocol'
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

import { applyLocalAgentState, hasAgentState } from '../agent-state/rows'
import {
  applyLocalCallbackComplete,
  applyLocalCallbackSchedule,
  hasCallback,
  isCallbackCompletionQueued
} from '../callbacks/rows'
import {
  applyLocalCompensationDecide,
  applyLocalCompensationGrant,
  hasCompensation,
  isCompensationDecisionQueued
} from '../compensation/rows'
import { applyLocalComplaintNote, isComplaintNoteQueued } from '../complaints/events'
import { applyLocalComplaintOwnership, isOwnershipStepQueued } from '../complaints/ownership'
import { applyLocalComplaintUpdate, isComplaintUpdateApplied } from '../complaints/edits'
import { applyLocalMutation, hasComplaint } from '../complaints/rows'
import {
  applyLocalComplaintTransition,
  isComplaintTransitionQueued
} from '../complaints/transitions'
import { applyLocalCustomerCreate, hasCustomer } from '../customers/rows'
import { applyLocalDisposition, hasDisposition } from '../dispositions/rows'
import { applyLocalInteraction, hasInteraction } from '../interactions/rows'
import type { Journal } from './journal'
import type { OpenReport } from './local-store'
import { enqueueRejected } from '../sync/outbox'
import { applyLocalScriptRun, isScriptRunQueued } from '../script-runs/rows'
import { inTransaction } from './sql'

export interface ReplayResult {
  report: Omit<OpenReport, 'snapshotLoaded'>
  lastGeneration: number
}

/** Replays the generations a snapshot does not cover, oldest first, each mutation at most once. */
export async function replayJournal(
  db: Database,
  journal: Journal,
  covered: number
): Promise<ReplayResult> {
  const report = {
    restoredWrites: 0,
    skippedWrites: 0,
    unreadableWrites: 0,
    tornLines: 0,
    corruptLines: 0
  }
  const generations = await journal.listGenerations()
  for (const generation of generations.filter((g) => g >= covered)) {
    const parsed = await journal.read(generation)
    report.tornLines += parsed.tornLines
    report.corruptLines += parsed.corruptLines
    inTransaction(db, () => {
      for (const mutation of parsed.mutations) {
        if (isApplied(db, mutation)) {
          report.skippedWrites++
        } else {
          applyMutation(db, mutation)
          report.restoredWrites++
        }
      }
      // Idempotent by mutation id like the rest: an entry already queued keeps its state.
      for (const line of parsed.unreadable) {
        if (enqueueRejected(db, line, line.reason)) report.unreadableWrites++
        else report.skippedWrites++
      }
    })
  }
  return { report, lastGeneration: generations.at(-1) ?? 0 }
}

/** Whether the store already holds each mutation's effect (a replay must not apply it twice). */
const appliedChecks: HandlerTable<Mutation, 'name', Database, boolean> = {
  'customer.create': (db, m) => hasCustomer(db, m.args.id),
  'complaint.create': (db, m) => hasComplaint(db, m.args.id),
  'complaint.transition': (db, m) => isComplaintTransitionQueued(db, m.id),
  'complaint.note': (db, m) => isComplaintNoteQueued(db, m.id),
  'complaint.escalate': (db, m) => isOwnershipStepQueued(db, m.id),
  'complaint.assign': (db, m) => isOwnershipStepQueued(db, m.id),
  'complaint.update': (db, m) => isComplaintUpdateApplied(db, m),
  'compensation.grant': (db, m) => hasCompensation(db, m.args.id),
  'compensation.decide': (db, m) => isCompensationDecisionQueued(db, m.id),
  'interaction.record': (db, m) => hasInteraction(db, m.args.id),
  'agent_state.record': (db, m) => hasAgentState(db, m.args.id),
  'script_run.record': (db, m) => isScriptRunQueued(db, m.id),
  'disposition.record': (db, m) => hasDisposition(db, m.args.id),
  'callback.schedule': (db, m) => hasCallback(db, m.args.id),
  'callback.complete': (db, m) => isCallbackCompletionQueued(db, m.id)
}

function isApplied(db: Database, mutation: Mutation): boolean {
  return runHandler(appliedChecks, 'name', db, mutation)
}

/** How each mutation changes the local store (its rows and its outbox entry). */
const localAppliers: HandlerTable<Mutation, 'name', Database, void> = {
  'customer.create': applyLocalCustomerCreate,
  'complaint.create': applyLocalMutation,
  'complaint.transition': applyLocalComplaintTransition,
  'complaint.note': applyLocalComplaintNote,
  'complaint.escalate': applyLocalComplaintOwnership,
  'complaint.assign': applyLocalComplaintOwnership,
  'complaint.update': applyLocalComplaintUpdate,
  'compensation.grant': applyLocalCompensationGrant,
  'compensation.decide': applyLocalCompensationDecide,
  'interaction.record': applyLocalInteraction,
  'agent_state.record': applyLocalAgentState,
  'script_run.record': applyLocalScriptRun,
  'disposition.record': applyLocalDisposition,
  'callback.schedule': applyLocalCallbackSchedule,
  'callback.complete': applyLocalCallbackComplete
}

export function applyMutation(db: Database, mutation: Mutation): void {
  runHandler(localAppliers, 'name', db, mutation)
}
