/**
 * The trainee takes an invitation (the trainee dials, src/shared/practice/roleplay.ts): the
 * scenario version is read for the persona and the script, and the trainee's phone calls the
 * trainer with the session the invitation carries. The call is practice on this desk from its
 * first moment (the persona's card, the scenario's script), as when the trainer dials.
 */
import type { RoleplayInvitation } from '@shared/practice/roleplay'
import type { Scenario } from '@shared/practice/scenario-schema'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'

export type InvitationCall = 'calling' | 'no_extension' | 'no_scenario' | 'phone_unavailable'

export interface InvitationCallDeps {
  scenario: (scenarioId: string, version: number) => Promise<Scenario | null>
  dial: (sipUri: string, token: string, practice: PracticeCallScenario) => Promise<boolean>
}

export async function callInvitation(
  invitation: RoleplayInvitation,
  deps: InvitationCallDeps
): Promise<InvitationCall> {
  if (invitation.trainerSipUri === null) return 'no_extension'
  const scenario = await deps.scenario(invitation.scenarioId, invitation.scenarioVersion)
  if (!scenario) return 'no_scenario'
  const practice: PracticeCallScenario = {
    scenarioId: invitation.scenarioId,
    scenarioVersion: invitation.scenarioVersion,
    scenario,
    roleplay: { id: invitation.id, trainerName: invitation.trainerName, role: 'trainee' }
  }
  const placed = await deps.dial(invitation.trainerSipUri, invitation.token, practice)
  return placed ? 'calling' : 'phone_unavailable'
}
