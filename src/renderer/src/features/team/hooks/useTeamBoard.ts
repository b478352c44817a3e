import type { LocalAgentState } from '@shared/contract/worker'
import type { DirectoryUser } from '@shared/domain/configuration'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

const WATCHED = ['agent_state', 'user'] as const

export interface TeamMemberStatus {
  user: DirectoryUser
  /** The latest recorded state, or null when the agent has not logged in since records began. */
  latest: LocalAgentState | null
}

/**
 * The lead's team with each agent's latest state, from the local cache: agent state records
 * arrive by pull within a second of a realtime poke, so the board is live without polling.
 */
export function useTeamBoard(teamId: string | null): TeamMemberStatus[] {
  return useWorkerQuery<TeamMemberStatus[]>(
    [],
    WATCHED,
    async () => {
      const client = dataClient()
      if (!client) return null
      const [config, states] = await Promise.all([
        client.send('config:get', {}),
        client.send('agentState:latest', {})
      ])
      if (!config.ok || !states.ok) return null
      const byAgent = new Map(states.data.agentStates.map((s) => [s.agentId, s]))
      return config.data.users
        .filter((u) => u.role === 'agent' && (teamId === null || u.teamId === teamId))
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((user) => ({ user, latest: byAgent.get(user.id) ?? null }))
    },
    [teamId]
  )
}
