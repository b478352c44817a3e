/** A desk's live presence for tests: a Ready desk with nothing going on, then what a test sets. */
import type { DeskPresence } from '@shared/presence/presence'

/** Ready since `at` and sent at `at`, unless `over` says otherwise. */
export function deskPresence(at: string, over: Partial<DeskPresence> = {}): DeskPresence {
  return {
    state: 'ready',
    pauseReason: null,
    since: at,
    pauseAfterCall: null,
    call: null,
    script: null,
    wrapUpSince: null,
    phone: { line: 'registered', problems: [] },
    lastDisposition: null,
    lastMissedCallAt: null,
    handRaisedAt: null,
    sentAt: at,
    ...over
  }
}
