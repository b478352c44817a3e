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
 * This function decides 2 to 4. Practice today is the solo kind: the desk rings itself with a
 * scenario's persona (a practice call has no network party, so nothing outside can claim to be
 * one). Role-play over SIP will hand the persona of a server-issued session here once the desk
 * has verified it; a practice call never reaches the customer lookup or the directory.
 */
import type { Persona } from '../practice/scenario-schema'
import type { DirectoryEntry } from './directory'

/** What the desk knows about an incoming call when it decides; `C` is the customer lookup. */
export interface IncomingCallFacts<C> {
  /** The persona of a practice call (solo: the scenario the desk rang). */
  practicePersona: Persona | null
  colleague: DirectoryEntry | null
  customer: C
}

export type CallParty<C> =
  | { kind: 'practice'; persona: Persona }
  | { kind: 'colleague'; colleague: DirectoryEntry }
  | { kind: 'customer'; match: C }

/** The first of monitoring, practice, colleague that applies; otherwise the customer's path. */
export function classifyIncomingCall<C>(facts: IncomingCallFacts<C>): CallParty<C> {
  if (facts.practicePersona) return { kind: 'practice', persona: facts.practicePersona }
  if (facts.colleague) return { kind: 'colleague', colleague: facts.colleague }
  return { kind: 'customer', match: facts.customer }
}
