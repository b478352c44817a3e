/**
 * A role-play INVITE (src/shared/practice/roleplay.ts), on the trainee's desk (the trainer dials)
 * or on the trainer's (the trainee dials, and the trainer's console waits for that session): the
 * session it carries is checked and redeemed by the data worker, then the scenario version it
 * names is read, and only then does the call ring, as practice with the persona's card. Anything
 * else carrying the header is refused 403 with the reason, and never rings: a forged session
 * cannot reach anyone as a call, nor make a real call look like practice.
 */
import { ROLEPLAY_HEADER, type RoleplayRefusal } from '@shared/practice/roleplay'
import { dataClient } from '@renderer/data/data-client'
import type { DataClient } from '@renderer/data/worker-client'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'

/** What this reads of a SIP.js Invitation (a fake in unit tests). */
export interface RoleplayInvite {
  readonly id: string
  readonly request: { getHeader(name: string): string | undefined }
  /** SIP.js's session state: a caller who gave up meanwhile is `Terminated`. */
  readonly state: string
  reject(options?: { statusCode?: number; reasonPhrase?: string }): Promise<void>
}

/** The session a trainer's desk waits to be called for (the roleplay feature's). */
export interface AwaitedRoleplay {
  id: () => string | null
  taken: (callId: string) => void
}

const awaitingNone: AwaitedRoleplay = { id: () => null, taken: () => undefined }

export type RoleplayAdmitOutcome = 'ringing' | RoleplayRefusal | 'no_scenario' | 'gone'

function refuse(invitation: RoleplayInvite, reason: Exclude<RoleplayAdmitOutcome, 'ringing'>) {
  const refusal = { statusCode: 403, reasonPhrase: `Practice Session Refused (${reason})` }
  void invitation.reject(refusal).catch(() => undefined)
  return reason
}

export async function admitRoleplayInvite(
  invitation: RoleplayInvite,
  ring: (practice: PracticeCallScenario) => void,
  client: DataClient | null = dataClient(),
  awaited: AwaitedRoleplay = awaitingNone
): Promise<RoleplayAdmitOutcome> {
  const token = invitation.request.getHeader(ROLEPLAY_HEADER)?.trim() ?? ''
  if (token === '' || !client) return refuse(invitation, 'invalid_session')
  const admitted = await client.send('practice:admitRoleplay', {
    token,
    callId: invitation.id,
    waitingFor: awaited.id()
  })
  if (!admitted.ok) return refuse(invitation, 'server_unreachable')
  if (!admitted.data.ok) return refuse(invitation, admitted.data.reason)
  const { claims } = admitted.data
  const loaded = await client.send('practice:scenario', {
    scenarioId: claims.scenario.id,
    version: claims.scenario.version
  })
  if (!loaded.ok) return refuse(invitation, 'no_scenario')
  // The trainer hung up while the desk checked: nothing left to ring.
  if (invitation.state === 'Terminated' || invitation.state === 'Terminating') return 'gone'
  // The trainee dialled: this is the trainer's desk, and its console's session is taken.
  const traineeDialled = claims.dir === 'trainee_calls'
  if (traineeDialled) awaited.taken(invitation.id)
  ring({
    scenarioId: claims.scenario.id,
    scenarioVersion: claims.scenario.version,
    scenario: loaded.data.scenario.scenario,
    roleplay: {
      id: claims.jti,
      trainerName: claims.trainer.name,
      role: traineeDialled ? 'trainer' : 'trainee'
    }
  })
  return 'ringing'
}
