/**
 * Who is calling, decided in one order before a desk rings (docs/telephony.md, "Who is calling"):
 *
 * 1. a monitoring grant (a lead listening in): decided before this function, where the INVITE
 *    arrives (`dispatchInvite` in telephony/sip-user-agent.ts hands it to the monitoring
 *    controller). An INVITE with the grant header never becomes a call: never a ring, a pop, a
 *    record or a figure; a grant that fails its check is refused, never a customer's call;
 * 2. a verified practice session (a trainer's role-play): practice records and the persona only;
 * 3. a colleague, matched by extension or SIP address from the synced directory;
 * 4. a customer: the screen pop, script, complaint and wrap-up path.
 *
 * This function decides 2 to 4. The practice session is a typed placeholder the role-play issue
 * fills in: nothing can build a verified session today (the brand below has no value), so a desk
 * passes null and it never matches.
 */
import type { DirectoryEntry } from './directory'

declare const verifiedByServerKey: unique symbol

/** A practice session the server issued, checked. Placeholder: none can exist yet. */
export interface VerifiedPracticeSession {
  readonly [verifiedByServerKey]: 'practice'
  readonly sessionId: string
}

/** What the desk knows about an incoming call when it decides; `C` is the customer lookup. */
export interface IncomingCallFacts<C> {
  practiceSession: VerifiedPracticeSession | null
  colleague: DirectoryEntry | null
  customer: C
}

export type CallParty<C> =
  | { kind: 'practice'; session: VerifiedPracticeSession }
  | { kind: 'colleague'; colleague: DirectoryEntry }
  | { kind: 'customer'; match: C }

/** The first of monitoring, practice, colleague that applies; otherwise the customer's path. */
export function classifyIncomingCall<C>(facts: IncomingCallFacts<C>): CallParty<C> {
  if (facts.practiceSession) return { kind: 'practice', session: facts.practiceSession }
  if (facts.colleague) return { kind: 'colleague', colleague: facts.colleague }
  return { kind: 'customer', match: facts.customer }
}
