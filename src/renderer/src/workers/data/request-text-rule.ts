/**
 * The text rule at the worker's edge (src/shared/text/unsafe-text.ts). Most requests carry what
 * a person typed: a control character or broken Unicode in any of their strings is refused,
 * naming the field, so the form can say which one. A few carry what the network or a caller
 * signalled (a caller's number and CTI headers, a call's record, a finished script run): their
 * free text is cleaned by the shared schemas instead, and a record is never refused for it.
 */
import { appError, type AppError } from '@shared/contract/errors'
import type { WorkerRequestName } from '@shared/contract/worker'
import { describeFinding, findUnsafeText } from '@shared/text/unsafe-text'

type TextSource = 'typed' | 'signalled'

/** Where each request's text comes from; a new request must say (a missing one fails to compile). */
export const requestTextSources: Record<WorkerRequestName, TextSource> = {
  'session:open': 'typed',
  'session:close': 'typed',
  'customer:match': 'signalled',
  'customer:create': 'typed',
  'customer:get': 'typed',
  'customer:search': 'typed',
  'complaint:create': 'typed',
  'complaint:list': 'typed',
  'complaint:transition': 'typed',
  'complaint:escalate': 'typed',
  'complaint:assign': 'typed',
  'complaint:analysis': 'typed',
  'compensation:grant': 'typed',
  'compensation:decide': 'typed',
  'compensation:list': 'typed',
  'complaint:update': 'typed',
  'complaint:resolveConflict': 'typed',
  'complaint:timeline': 'typed',
  'complaint:note': 'typed',
  'interaction:record': 'signalled',
  // Written when the run ends: refusing then would lose the whole run for one pasted answer.
  'scriptRun:record': 'signalled',
  'script:analytics': 'typed',
  'interaction:list': 'typed',
  'complaint:discard': 'typed',
  'agentState:record': 'typed',
  'agentState:current': 'typed',
  'agentState:latest': 'typed',
  'disposition:record': 'typed',
  'disposition:forCall': 'signalled',
  'callback:schedule': 'typed',
  'callback:complete': 'typed',
  'callback:mine': 'typed',
  'config:get': 'typed',
  'sync:status': 'typed',
  'sync:now': 'typed',
  'sync:problems': 'typed',
  // Echoes an id the worker listed, which an older version may have written with a control
  // character: refusing it would leave that entry impossible to discard. It is only matched.
  'sync:discard': 'signalled'
}

/** Details of a refusal: which fields, and what is wrong with each. */
export interface UnsafeTextDetails {
  unsafeText: { field: string; flaw: string }[]
}

/** The refusal for a typed request with unsafe text, or null when it may go on. */
export function refuseTypedText(name: WorkerRequestName, args: unknown): AppError | null {
  if (requestTextSources[name] !== 'typed') return null
  const findings = findUnsafeText(args, 10)
  const first = findings[0]
  if (!first) return null
  const details: UnsafeTextDetails = {
    unsafeText: findings.map((f) => ({ field: f.path.join('.'), flaw: f.flaw }))
  }
  return appError('invalid_argument', describeFinding(first), details)
}
