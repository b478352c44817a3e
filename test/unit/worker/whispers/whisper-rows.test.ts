/**
 * Whispers in the local store: a pulled one waits in the agent's inbox, "Got it" takes it out at
 * once and only once, an older pulled version never brings it back while the acknowledgement is
 * queued, and a refused acknowledgement, once discarded, brings it back as the server has it.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import type { Whisper } from '@shared/domain/whisper'
import { acknowledgeWhisper, sendWhisper } from '@renderer/workers/data/whispers/commands'
import {
  unacknowledgedWhispers,
  whispersOfCall,
  whispersSentTo
} from '@renderer/workers/data/whispers/rows'
import { TEST_USER_ID, useTestStores } from '@support/worker-store'

function whisper(overrides: Partial<Whisper> = {}): Whisper {
  return {
    id: randomUUID(),
    agentId: TEST_USER_ID,
    teamId: randomUUID(),
    leadId: randomUUID(),
    leadName: 'Carla Méndez',
    callId: 'call-1',
    kind: 'text',
    text: 'Ofrécele la retención',
    jumpId: null,
    jumpLabel: null,
    answersHand: false,
    sentAt: '2026-12-06T10:42:00.000Z',
    acknowledgedAt: null,
    ...overrides
  }
}

describe('whispers in the local store', () => {
  const stores = useTestStores()

  it('lists the inbox newest first and takes one out when acknowledged, once', async () => {
    const store = await stores.openStore()
    const older = whisper({ sentAt: '2026-12-06T10:40:00.000Z' })
    const newer = whisper({ sentAt: '2026-12-06T10:41:00.000Z', kind: 'jump', text: '' })
    const other = whisper({ agentId: randomUUID() })
    store.applyPull(
      [older, newer, other].map((data, i) => ({ seq: i + 1, entity: 'whisper' as const, data })),
      3
    )
    expect(unacknowledgedWhispers(store.db, TEST_USER_ID, 10).map((w) => w.id)).toEqual([
      newer.id,
      older.id
    ])

    const seen = await acknowledgeWhisper(store, older.id, TEST_USER_ID)
    expect(seen).toMatchObject({ syncState: 'pending', leadName: 'Carla Méndez' })
    await acknowledgeWhisper(store, older.id, TEST_USER_ID)
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
    await expect(acknowledgeWhisper(store, other.id, TEST_USER_ID)).rejects.toThrow(
      'No such whisper'
    )

    // The sent version pulled again (a page replayed) does not bring it back.
    store.applyPull([{ seq: 4, entity: 'whisper', data: older }], 4)
    expect(unacknowledgedWhispers(store.db, TEST_USER_ID, 10).map((w) => w.id)).toEqual([newer.id])
    expect(whispersOfCall(store.db, 'call-1').map((w) => w.id)).toEqual([
      older.id,
      newer.id,
      other.id
    ])
  })

  it('brings a whisper back unseen when its refused acknowledgement is discarded', async () => {
    const store = await stores.openStore()
    const sent = whisper()
    store.applyPull([{ seq: 1, entity: 'whisper', data: sent }], 1)
    await acknowledgeWhisper(store, sent.id, TEST_USER_ID)
    const [ack] = store.pendingMutations(10)
    if (!ack) throw new Error('no acknowledgement queued')
    store.applyPushResults([], [{ mutation: ack, reason: { code: 'not_found', message: 'no' } }])
    expect(await store.discardRejected(ack.id)).toBe('whisper.acknowledge')
    expect(unacknowledgedWhispers(store.db, TEST_USER_ID, 10)).toMatchObject([
      { id: sent.id, acknowledgedAt: null, syncState: 'synced' }
    ])
  })

  it('keeps a lead’s own whisper pending until the server’s comes back with the name', async () => {
    const store = await stores.openStore()
    const agentId = randomUUID()
    const input = {
      agentId,
      callId: null,
      kind: 'text',
      text: 'Voy contigo',
      jumpId: null,
      jumpLabel: null,
      answersHand: true
    } as const
    await expect(sendWhisper(store, input, 'agent')).rejects.toThrow('Only team leads')
    const mine = await sendWhisper(store, input, 'team_lead')
    expect(mine).toMatchObject({ leadName: '', syncState: 'pending', acknowledgedAt: null })
    const [send] = store.pendingMutations(10)
    if (!send) throw new Error('no send queued')
    store.applyPushResults([send], [])
    store.applyPull(
      [
        { seq: 1, entity: 'whisper', data: whisper({ ...input, id: mine.id, sentAt: mine.sentAt }) }
      ],
      1
    )
    expect(whispersSentTo(store.db, agentId, '2000-01-01T00:00:00.000Z', 10)).toMatchObject([
      { id: mine.id, leadName: 'Carla Méndez', syncState: 'synced' }
    ])
  })
})
