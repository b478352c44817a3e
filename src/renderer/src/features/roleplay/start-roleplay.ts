/**
 * Starting a role-play from the trainer's desk: the server issues the session (a trainee the
 * trainer follows, a published scenario version), the scenario is read for the persona and the
 * customer's lines, and either the trainer's phone calls the trainee with the session, or (the
 * trainee dials: outbound scenarios) the trainee's desk is invited and this desk waits for the
 * call. The desk then shows the role-play console.
 */
import type { Scenario } from '@shared/practice/scenario-schema'
import type { RoleplayIssueBody } from '@shared/practice/roleplay'
import { useAppStore } from '@renderer/stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { waitingRoleplay } from './waiting-roleplay'
import type { RoleplayIssueOutcome } from '../training-progress'

export type RoleplayStart =
  | 'calling'
  | 'waiting'
  | 'no_own_extension'
  | 'offline'
  | 'forbidden'
  | 'no_extension'
  | 'no_scenario'
  | 'phone_unavailable'
  | { failed: string }

export interface RoleplayStartDeps {
  issue: (body: RoleplayIssueBody) => Promise<RoleplayIssueOutcome>
  scenario: (scenarioId: string, version: number) => Promise<Scenario | null>
  dial: (sipUri: string, token: string, practice: PracticeCallScenario) => Promise<boolean>
  /** Withdraws an invitation this console waited on, which the new role-play replaces. */
  withdraw: (roleplayId: string) => Promise<unknown>
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
  // The console shows one role-play: a trainee still invited to call would be refused here.
  const replaced = waitingRoleplay.id()
  if (replaced !== null && replaced !== roleplay.id) void deps.withdraw(replaced)
  const traineeDials = roleplay.direction === 'trainee_calls'
  if (!traineeDials && roleplay.traineeSipUri === null) return 'no_extension'
  const scenario = await deps.scenario(roleplay.scenarioId, roleplay.scenarioVersion)
  if (!scenario) return 'no_scenario'
  if (traineeDials) {
    useAppStore.getState().roleplayStarted(roleplay, scenario)
    return 'waiting'
  }
  if (token === null || roleplay.traineeSipUri === null) return { failed: 'no session token' }
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
