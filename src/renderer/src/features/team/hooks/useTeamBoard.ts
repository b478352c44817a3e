import { useEffect, useState } from 'react'

import type { LocalAgentState } from '../../../../../shared/contract/worker'
import type { DirectoryUser } from '../../../../../shared/domain/configuration'
import { dataClient } from '../../../data/data-client'

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
  const [members, setMembers] = useState<TeamMemberStatus[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('agent_state') || entities.includes('user')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    const client = dataClient()
    if (!client) return
    void Promise.all([client.send('config:get', {}), client.send('agentState:latest', {})]).then(
      ([config, states]) => {
        if (!current || !config.ok || !states.ok) return
        const byAgent = new Map(states.data.agentStates.map((s) => [s.agentId, s]))
        setMembers(
          config.data.users
            .filter((u) => u.role === 'agent' && (teamId === null || u.teamId === teamId))
            .sort((a, b) => a.displayName.localeCompare(b.displayName))
            .map((user) => ({ user, latest: byAgent.get(user.id) ?? null }))
        )
      }
    )
    return () => {
      current = false
    }
  }, [teamId, version])
  return members
}
