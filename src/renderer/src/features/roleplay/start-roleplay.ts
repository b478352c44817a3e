/**
 * Starting a role-play from the trainer's desk: the server issues the session (a trainee the
 * trainer follows, a published scenario version), the scenario is read for the persona and the
 * customer's lines, and the trainer's phone calls the trainee with the session. The desk then
 * shows the role-play console.
 */
import type { Scenario } from '@shared/practice/scenario-schema'
import type { RoleplayIssueBody, RoleplayIssued } from '@shared/practice/roleplay'
import { useAppStore } from '@renderer/stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import type { TrainingOutcome } from '../training-progress'

export type RoleplayStart =
  | 'calling'
  | 'offline'
  | 'forbidden'
  | 'no_extension'
  | 'no_scenario'
  | 'phone_unavailable'
  | { failed: string }

export interface RoleplayStartDeps {
  issue: (body: RoleplayIssueBody) => Promise<TrainingOutcome<RoleplayIssued>>
  scenario: (scenarioId: string, version: number) => Promise<Scenario | null>
  dial: (sipUri: string, token: string, practice: PracticeCallScenario) => Promise<boolean>
}

export async function startRoleplay(
  body: RoleplayIssueBody,
  deps: RoleplayStartDeps
): Promise<RoleplayStart> {
  const issued = await deps.issue(body)
  if (!issued.ok) {
    return issued.reason === 'failed' ? { failed: issued.message } : issued.reason
  }
  const { roleplay, token } = issued.data
  if (roleplay.traineeSipUri === null) return 'no_extension'
  const scenario = await deps.scenario(roleplay.scenarioId, roleplay.scenarioVersion)
  if (!scenario) return 'no_scenario'
  const trainerName = useAppStore.getState().auth.user?.displayName ?? ''
  const practice: PracticeCallScenario = {
    scenarioId: roleplay.scenarioId,
    scenarioVersion: roleplay.scenarioVersion,
    scenario,
    roleplay: { id: roleplay.id, trainerName, role: 'trainer' }
  }
  // The console first: the call's first moments (ringing) already show who is called, as whom.
  useAppStore.getState().roleplayStarted(roleplay, scenario)
  if (!(await deps.dial(roleplay.traineeSipUri, token, practice))) {
    useAppStore.getState().roleplayClosed()
    return 'phone_unavailable'
  }
  return 'calling'
}
