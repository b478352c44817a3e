/** How evaluation steps written here, and pulled evaluations, land in the store. */
import type { Database } from 'sql.js'

import { configuration } from '../configuration/appliers'
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import { asString, queryAll, queryOne } from '../store/sql'
import { enqueueMutation } from '../sync/outbox'
import { rebaseEvaluation, upsertServerEvaluation } from './rebase'
import type { EvaluationMutation, EvaluationMutationName } from './steps'

/** A step is queued, then the evaluation shown is worked out again with it on top. */
function applyLocalStep(db: Database, mutation: EvaluationMutation): void {
  enqueueMutation(db, mutation)
  rebaseEvaluation(db, mutation.args.id)
}

/** Replay skips a step already in the outbox (pending, or refused and kept with its reason). */
function isQueued(db: Database, mutation: EvaluationMutation): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutation.id]) !== null
}

export const evaluationMutations: MutationSlice<EvaluationMutationName> = {
  applied: {
    'evaluation.save': isQueued,
    'evaluation.release': isQueued,
    'evaluation.acknowledge': isQueued,
    'evaluation.dispute': isQueued,
    'evaluation.resolve': isQueued
  },
  apply: {
    'evaluation.save': applyLocalStep,
    'evaluation.release': applyLocalStep,
    'evaluation.acknowledge': applyLocalStep,
    'evaluation.dispute': applyLocalStep,
    'evaluation.resolve': applyLocalStep
  }
}

/**
 * The evaluations with a step still queued, scored here: against a form version this desk may
 * have lacked when the step was replayed (pulled rows live in memory until a snapshot).
 */
function rescoreQueued(db: Database): void {
  const ids = queryAll(
    db,
    `SELECT DISTINCT json_extract(args, '$.id') AS id FROM outbox
     WHERE name LIKE 'evaluation.%' AND state = 'pending' AND json_valid(args)`
  )
  for (const row of ids) rebaseEvaluation(db, asString(row['id']))
}

export const evaluationPulled: PulledSlice<'evaluation' | 'evaluation_form'> = {
  evaluation: pulledRecord(upsertServerEvaluation),
  // A form version is configuration (configuration/rows.ts keeps it); arriving, it scores the
  // steps that waited for it.
  evaluation_form: (db, change) => {
    const kind = configuration(db, change)
    rescoreQueued(db)
    return kind
  }
}
