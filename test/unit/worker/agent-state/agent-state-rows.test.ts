/// <reference types="node" />
/**
 * Agent state rows of every writer: a row stored before records were attributed reads as the
 * desk's own, a pulled "connection lost" or forced record keeps who set it, and a lead's forced
 * state is journaled under the agent it names (only leads and admins may force).
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import type { AgentState } from '@shared/domain/agent-state'
import { useTestStores } from '@support/worker-store'
import { forceAgentState, recordAgentState } from '@renderer/workers/data/agent-state/commands'
import {
  currentAgentState,
  getAgentState,
  latestAgentStates,
  upsertServerAgentState
} from '@renderer/workers/data/agent-state/rows'

const ANA = '0b7d6c1e-3f7a-4c55-9f1a-0a1b2c3d4e5f'
const TEAM = '1c8e7d2f-4a8b-4d66-8a2b-1b2c3d4e5f60'
const CARLA = '2d9f8e3a-5b9c-4e77-9b3c-2c3d4e5f6a71'

function serverState(overrides: Partial<AgentState>): AgentState {
  return {
    id: randomUUID(),
    state: 'ready',
    pauseReason: null,
    since: '2026-12-06T10:00:00.000Z',
    agentId: ANA,
    teamId: TEAM,
    receivedAt: '2026-12-06T10:00:01.000Z',
    source: 'desk',
    setBy: null,
    setByName: null,
    note: null,
    ...overrides
  }
}

describe('agent state rows', () => {
  const { openStore } = useTestStores()

  it("reads a row stored before attribution as the desk's own", async () => {
    const store = await openStore()
    const id = randomUUID()
    const old = { id, state: 'on_call', pauseReason: null, since: '2026-12-01T09:00:00.000Z' }
    store.db.run(
      `INSERT INTO agent_states (id, agent_id, since, data, sync_state)
       VALUES (?, ?, ?, ?, 'synced')`,
      [id, ANA, old.since, JSON.stringify(old)]
    )
    expect(getAgentState(store.db, id)).toMatchObject({
      ...old,
      source: 'desk',
      setBy: null,
      setByName: null,
      note: null
    })
  })

  it('keeps pulled system and lead records with who set them', async () => {
    const store = await openStore()
    const lost = serverState({ state: 'connection_lost', source: 'system' })
    const forced = serverState({
      state: 'not_ready',
      pauseReason: 'meeting',
      since: '2026-12-06T10:05:00.000Z',
      source: 'lead',
      setBy: CARLA,
      setByName: 'Carla Méndez',
      note: 'Sala 2'
    })
    upsertServerAgentState(store.db, lost)
    expect(currentAgentState(store.db, ANA)).toMatchObject({ id: lost.id, source: 'system' })
    upsertServerAgentState(store.db, forced)
    expect(currentAgentState(store.db, ANA)).toMatchObject({
      id: forced.id,
      source: 'lead',
      setByName: 'Carla Méndez',
      note: 'Sala 2',
      syncState: 'synced'
    })
  })

  it("journals a lead's forced state under the agent, and refuses it from an agent", async () => {
    const store = await openStore()
    await recordAgentState(store, {
      state: 'ready',
      pauseReason: null,
      since: '2026-12-06T10:00:00.000Z'
    })
    const input = {
      agentId: ANA,
      state: 'not_ready',
      pauseReason: 'meeting',
      note: null,
      since: '2026-12-06T10:01:00.000Z'
    } as const
    await expect(forceAgentState(store, { role: 'agent' }, input)).rejects.toMatchObject({
      appError: { code: 'forbidden' }
    })
    const forced = await forceAgentState(store, { role: 'team_lead' }, input)
    expect(forced).toMatchObject({ agentId: ANA, source: 'lead', syncState: 'pending' })
    expect(store.pendingMutations(10).map((m) => m.name)).toEqual([
      'agent_state.record',
      'agent_state.force'
    ])
    const reopened = await openStore()
    expect(latestAgentStates(reopened.db, CARLA).map((s) => s.id)).toContain(forced.id)
  })
})
