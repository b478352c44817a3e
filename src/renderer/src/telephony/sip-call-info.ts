/**
 * What a SIP call is, read once from its session: the caller's identity (cleaned: hostile input),
 * the CTI headers, an auto-answer request, and for a verified role-play the practice scenario.
 */
import { Invitation, type Session } from 'sip.js'

import type { CallInfo, PracticeCallScenario } from './call-session'
import { cleanIdentity, readCtiHeaders, requestedAnswerDelay } from './sip-headers'

/** An outbound call's extras: a trainer's role-play carries its session and is practice. */
export interface OutboundOptions {
  extraHeaders?: readonly string[]
  practice?: PracticeCallScenario
}

export interface SipCallExtras {
  replacesCallId?: string
  /** A role-play the desk verified: the call is practice, its card the persona's. */
  practice?: PracticeCallScenario
  displayName?: string | null
  /** Site-configured CTI header names to read besides the built-in ones. */
  ctiHeaderNames?: readonly string[]
}

export function infoFor(
  session: Session,
  direction: CallInfo['direction'],
  extras: SipCallExtras
): CallInfo {
  const identity = session.remoteIdentity
  const headers =
    session instanceof Invitation
      ? readCtiHeaders((name) => session.request.getHeader(name), extras.ctiHeaderNames)
      : {}
  const replacesCallId =
    extras.replacesCallId ?? (session instanceof Invitation ? session.replacee?.id : undefined)
  const answerAfterSeconds =
    session instanceof Invitation
      ? requestedAnswerDelay((name) => session.request.getHeader(name))
      : null
  return {
    id: session.id,
    kind: 'sip',
    direction,
    remoteNumber: cleanIdentity(identity.uri.user) ?? 'anonymous',
    ...remoteHostOf(identity.uri.host),
    remoteDisplayName:
      cleanIdentity(identity.displayName) ?? cleanIdentity(extras.displayName ?? ''),
    ctiHeaders: headers,
    startedAt: new Date().toISOString(),
    ...(replacesCallId === undefined ? {} : { replacesCallId }),
    ...(answerAfterSeconds === null ? {} : { answerAfterSeconds }),
    ...(extras.practice === undefined ? {} : { practice: extras.practice })
  }
}

/** The remote URI's host, cleaned like the rest of the identity; nothing when it has none. */
function remoteHostOf(host: string | undefined): { remoteHost?: string } {
  const clean = cleanIdentity(host ?? '')
  return clean === null ? {} : { remoteHost: clean }
}
