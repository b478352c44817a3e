/**
 * Applying journaled mutations: on a local write and on replay at startup. Replay is
 * idempotent, since a mutation whose row already exists was applied before the snapshot. A line
 * this build cannot read is queued as rejected, with its raw args, unless already queued. Each
 * capability says how its mutations apply (its appliers.ts); one missing here fails to compile.
 */
import type { Database } from 'sql.js'

import type { Mutation } from '@shared/sync/protocol'
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'

import { agentStateMutations } from '../agent-state/appliers'
import { callbackMutations } from '../callbacks/appliers'
import { compensationMutations } from '../compensation/appliers'
import { complaintMutations } from '../complaints/appliers'
import { customerMutations } from '../customers/appliers'
import { dispositionMutations } from '../dispositions/appliers'
import { evaluationMutations } from '../evaluations/appliers'
import { interactionMutations } from '../interactions/appliers'
import { practiceSessionMutations } from '../practice/session-appliers'
import { scriptRunMutations } from '../script-runs/appliers'
import { enqueueRejected } from '../sync/outbox'
import { whisperMutations } from '../whispers/appliers'
import type { Journal } from './journal'
import type { OpenReport } from './store-files'
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
  ...customerMutations.applied,
  ...complaintMutations.applied,
  ...compensationMutations.applied,
  ...interactionMutations.applied,
  ...agentStateMutations.applied,
  ...scriptRunMutations.applied,
  ...dispositionMutations.applied,
  ...callbackMutations.applied,
  ...whisperMutations.applied,
  ...evaluationMutations.applied,
  ...practiceSessionMutations.applied
}

function isApplied(db: Database, mutation: Mutation): boolean {
  return runHandler(appliedChecks, 'name', db, mutation)
}

/** How each mutation changes the local store (its rows and its outbox entry). */
const localAppliers: HandlerTable<Mutation, 'name', Database, void> = {
  ...customerMutations.apply,
  ...complaintMutations.apply,
  ...compensationMutations.apply,
  ...interactionMutations.apply,
  ...agentStateMutations.apply,
  ...scriptRunMutations.apply,
  ...dispositionMutations.apply,
  ...callbackMutations.apply,
  ...whisperMutations.apply,
  ...evaluationMutations.apply,
  ...practiceSessionMutations.apply
}

export function applyMutation(db: Database, mutation: Mutation): void {
  runHandler(localAppliers, 'name', db, mutation)
}
