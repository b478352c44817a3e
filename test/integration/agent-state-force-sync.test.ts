/**
 * A lead forcing an agent's state through the data worker, against the real server: journaled
 * offline (it survives a restart of the store), synced once, pulled by the agent with who set
 * it; and the server's "connection lost" fact reads back in the agent's store.
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { recordSystemAgentState } from '@server/agent-state/system-state'
import { forceAgentState } from '@renderer/workers/data/agent-state/commands'
import { currentAgentState, latestAgentStates } from '@renderer/workers/data/agent-state/rows'
import { describeOnEngines } from '@support/engine-suite'
import { createTestDatabase } from '../support/server-db'
import { useTestServer } from '../support/worker-server'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { openTestStore } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'

describeOnEngines('a forced agent state in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer({
    users: ['ana', 'carla'],
    database: () => createTestDatabase(engine)
  })
  const dirs = { lead: '', agent: '' }
  beforeAll(async () => {
    dirs.lead = await makeStoreDir()
    dirs.agent = await makeStoreDir()
  })
  afterAll(async () => {
    await removeStoreDir(dirs.lead)
    await removeStoreDir(dirs.agent)
  })

  it('journals a forced state offline, syncs it once, and the agent pulls it attributed', async () => {
    const anaId = userId('ana')
    await server.stop()
    const offline = await openTestStore(dirs.lead)
    const forced = await forceAgentState(
      offline,
      { role: 'team_lead' },
      {
        agentId: anaId,
        state: 'not_ready',
        pauseReason: 'meeting',
        note: 'Reunión de equipo',
        since: new Date().toISOString()
      }
    )
    expect(forced).toMatchObject({ agentId: anaId, source: 'lead', syncState: 'pending' })
    await offline.close()

    const lead = await openTestStore(dirs.lead)
    const leadSync = startEngine({ store: lead, serverUrl: server.url, tokens: tokens('carla') })
    const agent = await openTestStore(dirs.agent)
    const agentSync = startEngine({ store: agent, serverUrl: server.url, tokens: tokens('ana') })
    try {
      expect(lead.outboxCounts().pending).toBe(1)
      await server.start()
      expect(await leadSync.engine.syncNow()).toMatchObject({ pending: 0, rejected: 0 })
      await leadSync.engine.syncNow()
      const rows = await server.db.query<{ id: string }>(
        'SELECT id FROM agent_states WHERE id = $1',
        [forced.id]
      )
      expect(rows).toHaveLength(1)
      const attributed = {
        id: forced.id,
        state: 'not_ready',
        pauseReason: 'meeting',
        source: 'lead',
        setBy: userId('carla'),
        setByName: 'Carla Méndez',
        note: 'Reunión de equipo',
        agentId: anaId,
        syncState: 'synced'
      }
      expect(latestAgentStates(lead.db, userId('carla'))).toContainEqual(
        expect.objectContaining(attributed)
      )
      await agentSync.engine.syncNow()
      expect(currentAgentState(agent.db, anaId)).toMatchObject(attributed)

      const lost = {
        id: randomUUID(),
        agentId: anaId,
        teamId: await teamOf(anaId),
        state: 'connection_lost' as const,
        pauseReason: null,
        since: new Date(Date.now() + 1000).toISOString()
      }
      expect(await recordSystemAgentState(server.db, lost)).toBe(true)
      await agentSync.engine.syncNow()
      expect(currentAgentState(agent.db, anaId)).toMatchObject({
        id: lost.id,
        state: 'connection_lost',
        source: 'system'
      })
    } finally {
      await leadSync.engine.stop()
      await agentSync.engine.stop()
      await lead.close()
      await agent.close()
    }
  })

  async function teamOf(id: string): Promise<string> {
    const rows = await server.db.query<{ team_id: string }>(
      'SELECT team_id FROM users WHERE id = $1',
      [id]
    )
    return rows[0]?.team_id ?? ''
  }
})
