/**
 * What a trainer's live view of a role-play reads of the trainee (`trainee` of
 * `roleplayLiveSchema`): the floor's presence, widened to this one trainer for this one trainee,
 * and only as far as the role-play goes. The state always (while the session lasts); the call's
 * phase and the script step only while the trainee's front call is the role-play's call, which
 * the desk named when it redeemed the session (presence carries the call's id, the same one).
 * Anything else on the trainee's desk (another call, its customer, its number) never shows.
 */
import type { RoleplayLive } from '@shared/practice/roleplay'
import type { FloorEntry } from '@shared/presence/presence'

/**
 * How long after it was issued a role-play's live view still shows the trainee: long enough
 * for any role-play call, short enough that the widening ends with the session.
 */
export const ROLEPLAY_LIVE_WINDOW_MS = 2 * 60 * 60 * 1000

export interface RoleplayLiveSession {
  issuedAt: Date
  /** The call the trainee's desk redeemed the session with; null before it did. */
  traineeCallId: string | null
}

/** The trainee's side of the live view, from their floor entry (null: nothing to show). */
export function traineeLiveOf(
  entry: FloorEntry | null,
  session: RoleplayLiveSession,
  now: Date
): RoleplayLive['trainee'] {
  if (now.getTime() - session.issuedAt.getTime() > ROLEPLAY_LIVE_WINDOW_MS) return null
  // A desk lost or signed out publishes nothing now: its last presence is not the trainee's.
  if (!entry || entry.status !== 'live') return null
  const { presence } = entry
  const call = presence.call
  const onRoleplay =
    call !== null && session.traineeCallId !== null && call.id === session.traineeCallId
  const script = onRoleplay ? presence.script : null
  return {
    state: presence.state,
    phase: onRoleplay ? call.phase : null,
    script: script
      ? { scriptId: script.scriptId, version: script.version, nodeId: script.nodeId }
      : null
  }
}
