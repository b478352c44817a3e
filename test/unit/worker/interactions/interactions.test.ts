/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import type { Interaction } from '@shared/domain/interaction'
import { useTestStores } from '@support/worker-store'
import { recordInteraction } from '@renderer/workers/data/interactions/commands'
import { listInteractions } from '@renderer/workers/data/interactions/rows'

const call = {
  callId: 'sip-call-1',
  direction: 'inbound',
  remoteNumber: '612 34 56 78',
  remoteE164: '+34612345678',
  customerId: '8c1f2f5e-1d2a-4c3b-9f0e-2b7a6d5c4e3f',
  ringAt: '2026-11-24T10:00:00.000Z',
  answeredAt: '2026-11-24T10:00:05.000Z',
  endedAt: '2026-11-24T10:03:00.000Z',
  holdSeconds: 12,
  result: 'answered',
  endedBy: 'remote'
} as const

describe('interaction records in the local store', () => {
  const { openStore } = useTestStores()

  it('journals a finished call, queues it for sync and survives a crash', async () => {
    const store = await openStore()
    const saved = await recordInteraction(store, call)
    expect(saved).toMatchObject({ ...call, syncState: 'pending', agentId: null })
    expect(store.pendingMutations(10).map((m) => m.name)).toEqual(['interaction.record'])

    const reopened = await openStore()
    expect(listInteractions(reopened.db, call.customerId, 5)).toEqual([saved])
    expect(reopened.outboxCounts().pending).toBe(1)
    // Replaying the same journal again does not double it.
    const again = await openStore()
    expect(listInteractions(again.db, null, 10)).toHaveLength(1)
  })

  it('becomes synced when the server acknowledges it and its row arrives in a pull', async () => {
    const store = await openStore()
    const saved = await recordInteraction(store, call)
    const [mutation] = store.pendingMutations(10)
    if (!mutation) throw new Error('nothing queued')
    store.applyPushResults([mutation], [])
    const server: Interaction = {
      ...call,
      id: saved.id,
      agentId: '7d3f4a1e-2b1c-4c55-9f1a-0a1b2c3d4e5f',
      teamId: '5a0e7a38-7c59-4b8e-9d07-6f0e5b3c2a11',
      receivedAt: '2026-11-24T10:03:01.000Z'
    }
    store.applyPull([{ seq: 7, entity: 'interaction', data: server }], 7)
    // The server's copy names whose call it is: a lead's desk lists the team's calls by agent.
    expect(listInteractions(store.db, null, 10)).toEqual([
      { ...call, id: saved.id, syncState: 'synced', agentId: server.agentId }
    ])
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })

  it('keeps who monitored the call, written here and as pulled, for the recent-calls list', async () => {
    const store = await openStore()
    const monitoredBy = [
      {
        sessionId: '0b6c1e9a-3f0d-4e7a-9c2b-5d8e1f2a3b4c',
        leadId: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
        leadName: 'Carla Méndez',
        modes: ['listen', 'whisper'] as ('listen' | 'whisper')[]
      }
    ]
    const saved = await recordInteraction(store, { ...call, monitoredBy })
    expect(listInteractions(store.db, null, 10)[0]?.monitoredBy).toEqual(monitoredBy)
    const server: Interaction = {
      ...call,
      id: saved.id,
      monitoredBy,
      agentId: '7d3f4a1e-2b1c-4c55-9f1a-0a1b2c3d4e5f',
      teamId: '5a0e7a38-7c59-4b8e-9d07-6f0e5b3c2a11',
      receivedAt: '2026-11-24T10:03:01.000Z'
    }
    store.applyPull([{ seq: 8, entity: 'interaction', data: server }], 8)
    expect(listInteractions(store.db, null, 10)).toEqual([
      { ...call, id: saved.id, monitoredBy, syncState: 'synced', agentId: server.agentId }
    ])
  })
})
