/**
 * Which workspaces a role has, where each role lands after login, and how each workspace's code
 * is loaded. The agent desk is in the main bundle (a ring must not wait for a chunk); the others
 * are split out and fetched right after login, so they open while the server is down.
 */
import type { ComponentType } from 'react'

import type { Role } from '@shared/domain/user'
import type { WorkspaceId } from '@renderer/stores/workspace'

const everyone: readonly Role[] = ['agent', 'team_lead', 'trainer', 'admin']

/** Who may open each workspace, in the order the navigation lists them. */
export const workspaceAccess: Readonly<Record<WorkspaceId, readonly Role[]>> = {
  desk: everyone,
  complaints: everyone,
  team: ['team_lead', 'admin'],
  training: ['trainer', 'admin'],
  // Agents too: there they read their own evaluations (acknowledge or dispute them).
  quality: everyone,
  admin: ['admin']
}

const home: Readonly<Record<Role, WorkspaceId>> = {
  agent: 'desk',
  team_lead: 'team',
  trainer: 'training',
  admin: 'admin'
}

export function workspacesFor(role: Role): WorkspaceId[] {
  return (Object.keys(workspaceAccess) as WorkspaceId[]).filter((id) =>
    workspaceAccess[id].includes(role)
  )
}

export function homeWorkspace(role: Role): WorkspaceId {
  return home[role]
}

export type WorkspaceModule = { default: ComponentType }

/** The split workspaces' loaders (the desk is not among them: it is always in the bundle). */
export const workspaceLoaders: Readonly<
  Record<Exclude<WorkspaceId, 'desk'>, () => Promise<WorkspaceModule>>
> = {
  complaints: () => import('./ComplaintsWorkspace'),
  team: () => import('./TeamLiveWorkspace'),
  training: () => import('./TrainingWorkspace'),
  quality: () => import('./QualityWorkspace'),
  admin: () => import('./AdministrationWorkspace')
}

/** Fetches every workspace the role has, so none needs the network when first opened. */
export function prefetchWorkspaces(role: Role): void {
  for (const id of workspacesFor(role)) {
    if (id !== 'desk') void workspaceLoaders[id]().catch(() => undefined)
  }
}
