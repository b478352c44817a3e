import {
  defaultFloorAlerts,
  type DispositionCode,
  type FloorAlerts,
  type PauseReason
} from '@shared/domain/configuration'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

import type { RosterAgent } from '../floor-rows'

const WATCHED = [
  'agent_state',
  'user',
  'team',
  'pause_reason',
  'disposition_code',
  'floor_alerts'
] as const

export interface FloorData {
  roster: RosterAgent[]
  pauseReasons: PauseReason[]
  dispositionCodes: DispositionCode[]
  thresholds: FloorAlerts
  /** False until the local store answered once (the floor then says it is loading). */
  loaded: boolean
}

const initial: FloorData = {
  roster: [],
  pauseReasons: [],
  dispositionCodes: [],
  thresholds: defaultFloorAlerts,
  loaded: false
}

/**
 * The agents a lead's floor lists (the lead's team; an admin's: every team) with their last
 * durable state, and the configuration the floor reads labels and thresholds from. All from the
 * local store, re-read when a pull changes any of it.
 */
export function useFloorData(teamId: string | null): FloorData {
  return useWorkerQuery<FloorData>(
    initial,
    WATCHED,
    async () => {
      const client = dataClient()
      if (!client) return null
      const [config, states] = await Promise.all([
        client.send('config:get', {}),
        client.send('agentState:latest', {})
      ])
      if (!config.ok || !states.ok) return null
      const latest = new Map(states.data.agentStates.map((s) => [s.agentId, s]))
      const teams = new Map(config.data.teams.map((t) => [t.id, t.name]))
      const roster = config.data.users
        .filter((u) => u.role === 'agent' && (teamId === null || u.teamId === teamId))
        .map((u): RosterAgent => {
          const state = latest.get(u.id)
          return {
            id: u.id,
            name: u.displayName,
            teamId: u.teamId,
            teamName: u.teamId === null ? null : (teams.get(u.teamId) ?? null),
            latest: state
              ? { state: state.state, pauseReason: state.pauseReason, since: state.since }
              : null
          }
        })
      return {
        roster,
        pauseReasons: config.data.pauseReasons,
        dispositionCodes: config.data.dispositionCodes,
        thresholds: config.data.floorAlerts ?? defaultFloorAlerts,
        loaded: true
      }
    },
    [teamId]
  )
}
