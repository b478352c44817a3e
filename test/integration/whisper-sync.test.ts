/**
 * Whispers in the data worker against the real server: a lead's whisper written offline is
 * pushed once when the server is back, the agent pulls it into the inbox and acknowledges it
 * offline (kept across a restart), and the lead then reads it seen; a teammate never pulls it.
 */
import { expect, it } from 'vitest'

import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openTestStore, useSharedStoreDir } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { acknowledgeWhisper, sendWhisper } from '@renderer/workers/data/whispers/commands'
import {
  unacknowledgedWhispers,
  whispersOfCall,
  whispersSentTo
} from '@renderer/workers/data/whispers/rows'

describeOnEngines('whispers in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer({
    users: ['ana', 'bruno', 'carla'],
    database: () => createTestDatabase(engine)
  })
  const carlasDesk = useSharedStoreDir()
  const anasDesk = useSharedStoreDir()
  const brunosDesk = useSharedStoreDir()

  /** Opens a store, syncs it once as `user`, runs `check`, and closes it. */
  async function synced(
    dir: string,
    user: 'ana' | 'bruno' | 'carla',
    check: (store: LocalStore) => void | Promise<void>
  ): Promise<void> {
    const store = await openTestStore(dir)
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens(user) })
    try {
      expect(await harness.engine.syncNow()).toMatchObject({ pending: 0, rejected: 0 })
      await check(store)
    } finally {
      await harness.engine.stop()
      await store.close()
    }
  }

  it('sends offline, reaches the agent only, and comes back seen after an offline acknowledgement', async () => {
    const anaId = userId('ana')
    const since = new Date(Date.now() - 60_000).toISOString()
    await server.stop()
    const lead = await openTestStore(carlasDesk())
    const input = {
      agentId: anaId,
      callId: 'call-42',
      kind: 'text',
      text: 'Ofrécele la retención',
      jumpId: null,
      jumpLabel: null,
      answersHand: true
    } as const
    const sent = await sendWhisper(lead, input, 'team_lead')
    expect(sent).toMatchObject({
      text: 'Ofrécele la retención',
      leadName: '',
      syncState: 'pending'
    })
    await expect(sendWhisper(lead, input, 'agent')).rejects.toThrow('Only team leads')
    await lead.close()

    await server.start()
    await synced(carlasDesk(), 'carla', (store) => {
      expect(whispersSentTo(store.db, anaId, since, 10)).toMatchObject([
        { id: sent.id, leadName: 'Carla Méndez', syncState: 'synced', acknowledgedAt: null }
      ])
    })
    await synced(anasDesk(), 'ana', (store) => {
      expect(unacknowledgedWhispers(store.db, anaId, 10)).toMatchObject([
        { id: sent.id, leadName: 'Carla Méndez', answersHand: true }
      ])
    })
    await synced(brunosDesk(), 'bruno', (store) => {
      expect(whispersOfCall(store.db, 'call-42')).toEqual([])
    })

    // Ana says "Got it" with the server down: the inbox empties at once and stays so.
    await server.stop()
    let desk = await openTestStore(anasDesk())
    const seen = await acknowledgeWhisper(desk, sent.id, anaId)
    expect(seen.syncState).toBe('pending')
    expect(seen.acknowledgedAt).not.toBeNull()
    await expect(acknowledgeWhisper(desk, sent.id, userId('bruno'))).rejects.toThrow(
      'No such whisper'
    )
    await desk.close()
    desk = await openTestStore(anasDesk())
    expect(unacknowledgedWhispers(desk.db, anaId, 10)).toEqual([])
    await desk.close()

    await server.start()
    await synced(anasDesk(), 'ana', (store) => {
      expect(unacknowledgedWhispers(store.db, anaId, 10)).toEqual([])
      expect(whispersOfCall(store.db, 'call-42')).toMatchObject([{ syncState: 'synced' }])
    })
    const rows = await server.db.query<{ acknowledged_at: Date | null }>(
      'SELECT acknowledged_at FROM whispers WHERE id = $1',
      [sent.id]
    )
    expect(rows[0]?.acknowledged_at?.toISOString()).toBe(seen.acknowledgedAt)
    await synced(carlasDesk(), 'carla', (store) => {
      expect(whispersOfCall(store.db, 'call-42')).toMatchObject([
        { id: sent.id, acknowledgedAt: seen.acknowledgedAt }
      ])
    })
  })
})
