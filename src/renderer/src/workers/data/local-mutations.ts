/**
 * Applying journaled mutations: on a local write and on replay at startup. Replay is
 * idempotent, since a mutation whose row already exists was applied before the snapshot. A line
 * this build cannot read is queued as rejected, with its raw args, unless already queued.
 */
import type { Database } from 'sql.js'

import type { Mutation } from '../../../../shared/sync/protocol'

import { applyLocalAgentState, hasAgentState } from './agent-state-rows'
import {
  applyLocalCallbackComplete,
  applyLocalCallbackSchedule,
  hasCallback,
  isCallbackCompletionQueued
} from './callback-rows'
import {
  applyLocalCompensationDecide,
  applyLocalCompensationGrant,
  hasCompensation,
  isCompensationDecisionQueued
} from './compensation-rows'
import { applyLocalComplaintNote, isComplaintNoteQueued } from './complaint-event-rows'
import { applyLocalComplaintOwnership, isOwnershipStepQueued } from './complaint-ownership-rows'
import { applyLocalComplaintUpdate, isComplaintUpdateApplied } from './complaint-edit-rows'
import { applyLocalMutation, hasComplaint } from './complaint-rows'
import {
  applyLocalComplaintTransition,
  isComplaintTransitionQueued
} from './complaint-transition-rows'
import { applyLocalCustomerCreate, hasCustomer } from './customer-rows'
import { applyLocalDisposition, hasDisposition } from './disposition-rows'
import { applyLocalInteraction, hasInteraction } from './interaction-rows'
import type { Journal } from './journal'
import type { OpenReport } from './local-store'
import { enqueueRejected } from './outbox'
import { applyLocalScriptRun, isScriptRunQueued } from './script-run-rows'
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

function isApplied(db: Database, mutation: Mutation): boolean {
  switch (mutation.name) {
    case 'customer.create':
      return hasCustomer(db, mutation.args.id)
    case 'complaint.create':
      return hasComplaint(db, mutation.args.id)
    case 'complaint.transition':
      return isComplaintTransitionQueued(db, mutation.id)
    case 'complaint.note':
      return isComplaintNoteQueued(db, mutation.id)
    case 'complaint.escalate':
    case 'complaint.assign':
      return isOwnershipStepQueued(db, mutation.id)
    case 'complaint.update':
      return isComplaintUpdateApplied(db, mutation)
    case 'compensation.grant':
      return hasCompensation(db, mutation.args.id)
    case 'compensation.decide':
      return isCompensationDecisionQueued(db, mutation.id)
    case 'interaction.record':
      return hasInteraction(db, mutation.args.id)
    case 'agent_state.record':
      return hasAgentState(db, mutation.args.id)
    case 'script_run.record':
      return isScriptRunQueued(db, mutation.id)
    case 'disposition.record':
      return hasDisposition(db, mutation.args.id)
    case 'callback.schedule':
      return hasCallback(db, mutation.args.id)
    case 'callback.complete':
      return isCallbackCompletionQueued(db, mutation.id)
  }
}

export function applyMutation(db: Database, mutation: Mutation): void {
  switch (mutation.name) {
    case 'customer.create':
      applyLocalCustomerCreate(db, mutation)
      return
    case 'complaint.create':
      applyLocalMutation(db, mutation)
      return
    case 'complaint.transition':
      applyLocalComplaintTransition(db, mutation)
      return
    case 'complaint.note':
      applyLocalComplaintNote(db, mutation)
      return
    case 'complaint.escalate':
    case 'complaint.assign':
      applyLocalComplaintOwnership(db, mutation)
      return
    case 'complaint.update':
      applyLocalComplaintUpdate(db, mutation)
      return
    case 'compensation.grant':
      applyLocalCompensationGrant(db, mutation)
      return
    case 'compensation.decide':
      applyLocalCompensationDecide(db, mutation)
      return
    case 'interaction.record':
      applyLocalInteraction(db, mutation)
      return
    case 'agent_state.record':
      applyLocalAgentState(db, mutation)
      return
    case 'script_run.record':
      applyLocalScriptRun(db, mutation)
      return
    case 'disposition.record':
      applyLocalDisposition(db, mutation)
      return
    case 'callback.schedule':
      applyLocalCallbackSchedule(db, mutation)
      return
    case 'callback.complete':
      applyLocalCallbackComplete(db, mutation)
  }
}
