/**
 * What an evaluation shows on this desk: the server's version as last known, with this user's
 * steps still waiting in the outbox applied on top, in write order (steps.ts). Worked out again
 * whenever either side moves: a step written, a version pulled, a push answered, a refusal
 * discarded. So a newer version pulled keeps the pending step visible on top of it, and a
 * refused step drops out, leaving the server's state (a refused acknowledgement brings the
 * evaluation back to "released").
 */
import type { Database } from 'sql.js'

import { directoryEntrySchema } from '@shared/domain/directory'
import { directoryUserSchema } from '@shared/domain/configuration'
import type { Evaluation } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import type { Mutation } from '@shared/sync/protocol'

import { asString, queryAll, queryOne } from '../store/sql'
import { readStoredMutation } from '../store/unreadable-entry'
import { readStored, writeStored } from './codec'
import { formDefinition } from './forms'
import {
  applyStep,
  isEvaluationMutationName,
  type EvaluationMutation,
  type StepContext
} from './steps'

export function isEvaluationMutation(mutation: Mutation): mutation is EvaluationMutation {
  return isEvaluationMutationName(mutation.name)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Who a user is on this desk: the team directory (a lead's), else the colleague directory. */
export function personOf(db: Database, userId: string): { name: string; teamId: string | null } {
  const configured = queryOne(db, "SELECT data FROM config_rows WHERE kind = 'user' AND key = ?", [
    userId
  ])
  const user = directoryUserSchema.safeParse(parseJson(asString(configured?.['data'])))
  if (user.success) return { name: user.data.displayName, teamId: user.data.teamId }
  const listed = queryOne(db, 'SELECT data FROM directory_entries WHERE user_id = ?', [userId])
  const entry = directoryEntrySchema.safeParse(parseJson(asString(listed?.['data'])))
  return entry.success
    ? { name: entry.data.displayName, teamId: entry.data.teamId }
    : { name: '', teamId: null }
}

/** Form versions are read once per rebase: a step sequence names the same one again and again. */
export function stepContext(db: Database): StepContext {
  const forms = new Map<string, FormDefinition | null>()
  return {
    form: (formId, version) => {
      const key = `${formId}:${String(version)}`
      if (!forms.has(key)) forms.set(key, formDefinition(db, formId, version))
      return forms.get(key) ?? null
    },
    person: (userId) => personOf(db, userId)
  }
}

/** This evaluation's entries in the outbox, oldest first (unreadable ones are left out). */
function queuedSteps(db: Database, id: string): { mutation: EvaluationMutation; state: string }[] {
  const rows = queryAll(
    db,
    `SELECT mutation_id, name, args, state FROM outbox
     WHERE name LIKE 'evaluation.%'
       AND (CASE WHEN json_valid(args) THEN json_extract(args, '$.id') END) = ?
     ORDER BY seq`,
    [id]
  )
  const steps: { mutation: EvaluationMutation; state: string }[] = []
  for (const row of rows) {
    const read = readStoredMutation({
      id: row['mutation_id'],
      name: row['name'],
      args: parseJson(asString(row['args']))
    })
    if (read.kind === 'mutation' && isEvaluationMutation(read.mutation)) {
      steps.push({ mutation: read.mutation, state: asString(row['state']) })
    }
  }
  return steps
}

/**
 * Works the shown evaluation out again from `server` (default: the stored one). A draft the
 * server never had and whose save is no longer queued (refused) stays as written, flagged
 * rejected, until the user discards it.
 */
export function rebaseEvaluation(db: Database, id: string, server?: Evaluation | null): void {
  const stored = readStored(db, id)
  const base = server === undefined ? (stored?.server ?? null) : server
  const queued = queuedSteps(db, id)
  const context = stepContext(db)
  let shown = base
  for (const step of queued) {
    if (step.state === 'pending') shown = applyStep(shown, step.mutation, context)
  }
  if (shown === null) {
    if (stored) writeStored(db, { ...stored, syncState: 'rejected' })
    return
  }
  const pending = queued.some((s) => s.state === 'pending')
  const refused = queued.some((s) => s.state === 'rejected')
  writeStored(db, {
    shown,
    server: base,
    syncState: pending ? 'pending' : refused ? 'rejected' : 'synced'
  })
}

/**
 * A pulled version: the latest wins. The change log brings versions in order, but a push the
 * server applied is folded into the held version before its pull arrives (see
 * {@link evaluationApplied}), and a version from before that step (fewer history entries, since
 * history only grows, and older) must not take the step back off screen meanwhile.
 */
export function upsertServerEvaluation(db: Database, evaluation: Evaluation): void {
  const held = readStored(db, evaluation.id)?.server ?? null
  const older =
    held !== null &&
    evaluation.history.length < held.history.length &&
    evaluation.updatedAt < held.updatedAt
  if (!older) rebaseEvaluation(db, evaluation.id, evaluation)
}

/** The server applied a step: it is now part of the server's version, until that is pulled. */
export function evaluationApplied(db: Database, mutation: EvaluationMutation): void {
  const stored = readStored(db, mutation.args.id)
  rebaseEvaluation(
    db,
    mutation.args.id,
    applyStep(stored?.server ?? null, mutation, stepContext(db))
  )
}

/** The outbox marked one entry refused: if it was an evaluation's step, the step drops out. */
export function evaluationRefused(db: Database, mutationId: string, recordId: string): void {
  const row = queryOne(db, 'SELECT name FROM outbox WHERE mutation_id = ?', [mutationId])
  if (row && isEvaluationMutationName(asString(row['name']))) rebaseEvaluation(db, recordId)
}

/**
 * A refused step was discarded: a draft the server never had goes with its last queued step;
 * otherwise the evaluation shows the server's version again (with any step still queued).
 */
export function evaluationDiscarded(db: Database, id: string): void {
  const stored = readStored(db, id)
  if (!stored) return
  if (stored.server === null && queuedSteps(db, id).length === 0) {
    db.run('DELETE FROM evaluations WHERE id = ?', [id])
    return
  }
  rebaseEvaluation(db, id)
}
