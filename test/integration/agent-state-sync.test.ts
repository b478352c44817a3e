/**
 * The data worker's agent state records and configuration cache against the real server:
 * states recorded offline reach the server once, come back synced, and the configuration the
 * server publishes is readable from the local store.
 */
import { expect, it } from 'vitest'

import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openTestStore, useSharedStoreDir } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'
import { recordAgentState } from '@renderer/workers/data/agent-state/commands'
import { currentAgentState, latestAgentStates } from '@renderer/workers/data/agent-state/rows'

describeOnEngines('agent states and configuration in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer({
    users: ['ana'],
    database: () => createTestDatabase(engine)
  })
  const dir = useSharedStoreDir()

  it('records states offline, syncs each once, and reads the current one and the configuration', async () => {
    const anaId = userId('ana')
    const store = await openTestStore(dir())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens('ana') })
    try {
      await server.stop()
      const t0 = Date.now() - 60_000
      const ready = await recordAgentState(store, {
        state: 'ready',
        pauseReason: null,
        since: new Date(t0).toISOString()
      })
      const paused = await recordAgentState(store, {
        state: 'not_ready',
        pauseReason: 'lunch',
        since: new Date(t0 + 1000).toISOString()
      })
      expect(paused).toMatchObject({ state: 'not_ready', agentId: null, syncState: 'pending' })
      expect(currentAgentState(store.db, anaId)?.id).toBe(paused.id)
      expect((await harness.engine.syncNow()).pending).toBe(2)

      await server.start()
      const status = await harness.engine.syncNow()
      expect(status).toMatchObject({ pending: 0, rejected: 0, lastError: null })
      const counted = await server.db.query<{ id: string }>(
        'SELECT id FROM agent_states WHERE id IN ($1, $2)',
        [ready.id, paused.id]
      )
      expect(counted).toHaveLength(2)
      expect(currentAgentState(store.db, anaId)).toMatchObject({
        id: paused.id,
        pauseReason: 'lunch',
        agentId: anaId,
        syncState: 'synced'
      })
      expect(latestAgentStates(store.db, anaId).map((s) => s.id)).toEqual([paused.id])

      const config = store.configuration.current()
      expect(config.pauseReasons.map((p) => p.code)).toEqual([
        'break',
        'lunch',
        'training',
        'meeting',
        'admin',
        'technical',
        'phone_problem'
      ])
      expect(config.dispositionCodes[0]?.label).toEqual({
        es: 'Resuelto en la llamada',
        en: 'Resolved on the call'
      })
      expect(config.complaintCategories.map((c) => c.code)).toContain('billing')
      expect(config.compensationLimits?.currency).toBe('USD')
      expect(config.users.map((u) => u.username).sort()).toEqual([
        'admin',
        'ana',
        'bruno',
        'carla',
        'tomas'
      ])
      expect(config.teams).toHaveLength(3)
    } finally {
      await harness.engine.stop()
      await store.close()
    }
  })

  it('keeps a pending state across a restart of the store (journal replay)', async () => {
    const anaId = userId('ana')
    await server.stop()
    const store = await openTestStore(dir())
    const recorded = await recordAgentState(store, {
      state: 'wrap_up',
      pauseReason: null,
      since: new Date().toISOString()
    })
    await store.close()
    const reopened = await openTestStore(dir())
    try {
      expect(currentAgentState(reopened.db, anaId)).toMatchObject({
        id: recorded.id,
        state: 'wrap_up',
        syncState: 'pending'
      })
      expect(reopened.outboxCounts().pending).toBe(1)
    } finally {
      await reopened.close()
      await server.start()
    }
  })
})
