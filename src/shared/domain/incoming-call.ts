/**
 * Who is calling, decided in one order before a desk rings (docs/telephony.md, "Who is calling"):
 *
 * 1. a verified monitoring grant (a lead listening in): never a ring, a pop, a record or a figure;
 * 2. a verified practice session (a trainer's role-play): practice records and the persona only;
 * 3. a colleague, matched by extension or SIP address from the synced directory;
 * 4. a customer: the screen pop, script, complaint and wrap-up path.
 *
 * Only colleagues and customers exist yet. The first two are typed placeholders the issues that
 * bring monitoring and role-play fill in: nothing can build a verified grant or session today (the
 * brand below has no value), so a desk passes null and they never match. There is deliberately
 * no "unverified" path: a header claiming to be a grant is just a customer's call.
 */
import type { DirectoryEntry } from './directory'

declare const verifiedByServerKey: unique symbol

/** A monitoring grant whose server signature was checked. Placeholder: none can exist yet. */
export interface VerifiedMonitoringGrant {
  readonly [verifiedByServerKey]: 'monitoring'
  readonly callId: string
}

/** A practice session the server issued, checked. Placeholder: none can exist yet. */
export interface VerifiedPracticeSession {
  readonly [verifiedByServerKey]: 'practice'
  readonly sessionId: string
}

/** What the desk knows about an incoming call when it decides; `C` is the customer lookup. */
export interface IncomingCallFacts<C> {
  monitoringGrant: VerifiedMonitoringGrant | null
  practiceSession: VerifiedPracticeSession | null
  colleague: DirectoryEntry | null
  customer: C
}

export type CallParty<C> =
  | { kind: 'monitoring'; grant: VerifiedMonitoringGrant }
  | { kind: 'practice'; session: VerifiedPracticeSession }
  | { kind: 'colleague'; colleague: DirectoryEntry }
  | { kind: 'customer'; match: C }

/** The first of monitoring, practice, colleague that applies; otherwise the customer's path. */
export function classifyIncomingCall<C>(facts: IncomingCallFacts<C>): CallParty<C> {
  if (facts.monitoringGrant) return { kind: 'monitoring', grant: facts.monitoringGrant }
  if (facts.practiceSession) return { kind: 'practice', session: facts.practiceSession }
  if (facts.colleague) return { kind: 'colleague', colleague: facts.colleague }
  return { kind: 'customer', match: facts.customer }
}
