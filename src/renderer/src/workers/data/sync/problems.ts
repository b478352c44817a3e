/**
 * Records that need attention: the outbox entries the server refused (or this build could not
 * read) and those stuck after `MAX_PUSH_ATTEMPTS` failed answers, each with its reason and a short
 * summary, so every count the sync bar shows is a record the agent can find and act on, even one
 * with no row of its own (a journal line from an older version) or no view offering a discard.
 */
import type { Database } from 'sql.js'

import { appError, type AppError } from '@shared/contract/errors'
import type { SyncEntity, SyncProblem } from '@shared/contract/worker'
import { mutationRejectionSchema } from '@shared/sync/protocol'
import { cleanLine } from '@shared/text/unsafe-text'

import { MAX_PUSH_ATTEMPTS, parseStoredArgs } from './outbox'
import { asNullableString, asNumber, asString, queryAll, queryOne } from '../store/sql'
import { UNREADABLE_MESSAGE } from '../store/unreadable-entry'

/** Enough to act on at once; the rest come into view as these are discarded or retried. */
export const DEFAULT_SYNC_PROBLEMS = 50

/** Summaries are a hint to recognise the record, not the record: one short line. */
export const SUMMARY_MAX_CHARS = 80

const PROBLEM_FILTER = `(state = 'rejected' OR (state = 'pending' AND attempts >= ?))`

/** The rejected and stuck entries, oldest first, at most `limit`; `total` counts them all. */
export function listSyncProblems(
  db: Database,
  limit = DEFAULT_SYNC_PROBLEMS
): { problems: SyncProblem[]; total: number } {
  const rows = queryAll(
    db,
    `SELECT mutation_id, name, args, state, last_error FROM outbox WHERE ${PROBLEM_FILTER}
     ORDER BY seq LIMIT ?`,
    [MAX_PUSH_ATTEMPTS, limit]
  )
  const total = asNumber(
    queryOne(db, `SELECT COUNT(*) AS n FROM outbox WHERE ${PROBLEM_FILTER}`, [MAX_PUSH_ATTEMPTS])?.[
      'n'
    ]
  )
  const problems = rows.map((row): SyncProblem => {
    const name = asString(row['name'])
    const args = parseStoredArgs(asString(row['args']))
    const reason = storedReason(asNullableString(row['last_error']))
    return {
      mutationId: asString(row['mutation_id']),
      name,
      state: row['state'] === 'rejected' ? 'rejected' : 'stuck',
      reason,
      unreadable: reason.message === UNREADABLE_MESSAGE,
      summary: problemSummary(name, args),
      at: problemTime(args)
    }
  })
  return { problems, total }
}

/** The views a discarded write of each kind showed in, so they re-query. */
const VIEWS: Partial<Record<string, readonly SyncEntity[]>> = {
  'complaint.create': ['complaint'],
  'complaint.transition': ['complaint', 'complaint_event'],
  'complaint.note': ['complaint_event'],
  'complaint.update': ['complaint', 'complaint_event'],
  'complaint.escalate': ['complaint', 'complaint_event'],
  'complaint.assign': ['complaint', 'complaint_event'],
  'compensation.grant': ['compensation', 'complaint_event'],
  'compensation.decide': ['compensation', 'complaint_event'],
  'customer.create': ['customer'],
  'interaction.record': ['interaction'],
  'agent_state.record': ['agent_state'],
  'agent_state.force': ['agent_state'],
  'disposition.record': ['disposition'],
  'callback.schedule': ['callback'],
  'callback.complete': ['callback'],
  'whisper.send': ['whisper'],
  'whisper.acknowledge': ['whisper'],
  'evaluation.save': ['evaluation'],
  'evaluation.release': ['evaluation'],
  'evaluation.acknowledge': ['evaluation'],
  'evaluation.dispute': ['evaluation'],
  'evaluation.resolve': ['evaluation']
}

/** The entities whose views a discarded write of `name` changes (none for a script run). */
export function entitiesShowing(name: string): SyncEntity[] {
  return [...(VIEWS[name] ?? [])]
}

/** The fields of each mutation's args that let a person recognise it, in order. */
const SUMMARY_FIELDS: Partial<Record<string, readonly (readonly string[])[]>> = {
  'complaint.create': [['description']],
  'complaint.note': [['note']],
  'complaint.escalate': [['reason']],
  'complaint.transition': [['note']],
  'compensation.grant': [['amount', 'currency'], ['reason']],
  'compensation.decide': [['reason']],
  'customer.create': [['firstName', 'lastName'], ['phoneE164']],
  'interaction.record': [['remoteNumber']],
  'script_run.record': [['scriptId']],
  'practice_session.record': [['scenarioId']],
  'disposition.record': [['code'], ['note']],
  'agent_state.force': [['state', 'pauseReason'], ['note']],
  'callback.schedule': [['contactName'], ['phoneE164']],
  'whisper.send': [['text'], ['jumpLabel']],
  // Which call was scored, and what the person wrote; a release or an acknowledgement carries
  // only the evaluation's id and time.
  'evaluation.save': [['callId'], ['comment']],
  'evaluation.dispute': [['comment']],
  'evaluation.resolve': [['reason']]
}

/**
 * A short line saying which record this is, from its args: what a person wrote (a description,
 * a name) or a caller sent (a number). Args may come from an older version, so nothing about
 * their shape is trusted; strings are cleaned to one safe line and cut, never interpreted.
 */
export function problemSummary(name: string, args: unknown): string | null {
  const fields = SUMMARY_FIELDS[name]
  if (fields === undefined || !isRecord(args)) return null
  const parts = fields
    .map((group) =>
      group
        .map((field) => textOf(args[field]))
        .filter((part) => part !== '')
        .join(' ')
    )
    .filter((part) => part !== '')
  return parts.length === 0 ? null : cut(parts.join(' · '))
}

/** Where each mutation keeps the moment it was written, the first one present winning. */
const TIME_FIELDS = [
  'createdAt',
  'at',
  'recordedAt',
  'endedAt',
  'since',
  'completedAt',
  'savedAt'
] as const

/** When the record was written, as its args say; null when they hold no readable time. */
export function problemTime(args: unknown): string | null {
  if (!isRecord(args)) return null
  for (const field of TIME_FIELDS) {
    const value = args[field]
    if (typeof value !== 'string') continue
    const time = Date.parse(value)
    if (Number.isFinite(time)) return new Date(time).toISOString()
  }
  return null
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return cleanLine(value).replace(/\s+/g, ' ').trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/** Cut by code points, so a surrogate pair (an emoji in a name) is never split in half. */
function cut(text: string): string {
  const chars = Array.from(text)
  if (chars.length <= SUMMARY_MAX_CHARS) return text
  return `${chars
    .slice(0, SUMMARY_MAX_CHARS - 1)
    .join('')
    .trimEnd()}…`
}

/** The reason as stored (JSON of an AppError); any other stored text is itself the reason. */
function storedReason(stored: string | null): AppError {
  if (stored === null) return appError('internal', 'No reason was recorded')
  try {
    const parsed = mutationRejectionSchema.safeParse(JSON.parse(stored))
    if (parsed.success) return parsed.data
  } catch {
    // Not JSON: the text itself is the reason.
  }
  return appError('internal', stored)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
