/**
 * The worker's realtime channel as live presence needs it: a socket silent for longer than the
 * server's tick allows is replaced (a silently dropped connection never closes by itself), floor
 * messages are read entry by entry, and the desk's presence is sent at once, as the heartbeat and
 * again on reconnection. Fake sockets and timers: the real socket path is covered by
 * test/integration/server/presence.test.ts and the e2e floor spec.
 */
import { describe, expect, it } from 'vitest'

import { CLIENT_SILENCE_MS, PRESENCE_BEAT_MS, type DeskPresence } from '@shared/presence/presence'
import { PresenceLink } from '@renderer/workers/data/sync/presence-link'
import { RealtimeChannel } from '@renderer/workers/data/sync/realtime-channel'
import { FakeSockets, ManualTimers } from '../../../support/worker-fakes'
import { deskPresence } from '@support/desk-presence'

function presence(): DeskPresence {
  return deskPresence('2026-12-06T10:00:00.000Z')
}

function setup() {
  const timers = new ManualTimers()
  const sockets = new FakeSockets()
  const live: boolean[] = []
  const floors: number[] = []
  const entries: string[] = []
  let link: PresenceLink | null = null
  const channel = new RealtimeChannel({
    url: () => 'ws://127.0.0.1/api/realtime',
    createSocket: sockets.factory,
    timers,
    random: () => 0,
    onConnected: () => link?.connected(),
    onPoke: () => undefined,
    onLiveChanged: (isLive) => live.push(isLive),
    onUnauthorized: () => undefined,
    onFloor: (e) => floors.push(e.length),
    onFloorEntry: (e) => entries.push(e.agentId)
  })
  link = new PresenceLink(channel, timers)
  return { timers, sockets, live, floors, entries, channel, link }
}

/** Fires the pending timers whose delay is `ms`. */
function fire(timers: ManualTimers, ms: number) {
  for (const [id, timer] of [...timers.scheduled.entries()]) {
    if (timer.ms === ms) {
      timers.scheduled.delete(id)
      timer.run()
    }
  }
}

describe('the realtime channel and live presence', () => {
  it('replaces a socket that has said nothing for the silence limit', () => {
    const { timers, sockets, live, channel } = setup()
    channel.start()
    sockets.last.handlers.onOpen()
    expect(live).toEqual([true])
    sockets.last.handlers.onMessage(JSON.stringify({ type: 'tick' }))
    fire(timers, CLIENT_SILENCE_MS)
    expect(sockets.last.isClosed).toBe(true)
    expect(live).toEqual([true, false])
    timers.fireAll()
    expect(sockets.opened).toHaveLength(2)
  })

  it('reads floor messages entry by entry, skipping one it cannot read', () => {
    const { sockets, floors, entries, channel } = setup()
    channel.start()
    sockets.last.handlers.onOpen()
    const good = {
      agentId: '00000000-0000-4000-8000-00000000000a',
      teamId: '00000000-0000-4000-8000-0000000000e1',
      status: 'live',
      heardAt: '2026-12-06T10:00:00.000Z',
      presence: presence()
    }
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'floor', entries: [good, { agentId: 'x' }] })
    )
    sockets.last.handlers.onMessage(JSON.stringify({ type: 'floor:entry', entry: good }))
    sockets.last.handlers.onMessage(JSON.stringify({ type: 'floor:entry', entry: { nope: 1 } }))
    expect(floors).toEqual([1])
    expect(entries).toEqual([good.agentId])
  })

  it('sends presence at once, as the heartbeat, and again after a reconnection', () => {
    const { timers, sockets, channel, link } = setup()
    channel.start()
    sockets.last.handlers.onOpen()
    link.publish(presence())
    expect(sockets.last.sent).toHaveLength(1)
    fire(timers, PRESENCE_BEAT_MS)
    expect(sockets.last.sent).toHaveLength(2)
    expect(JSON.parse(sockets.last.sent[1] ?? '')).toMatchObject({ type: 'presence' })
    sockets.last.handlers.onClose(1006)
    timers.fireAll()
    sockets.last.handlers.onOpen()
    expect(sockets.last.sent.map((f) => (JSON.parse(f) as { type: string }).type)).toContain(
      'presence'
    )
    link.leave()
    expect(JSON.parse(sockets.last.sent.at(-1) ?? '')).toEqual({ type: 'presence:leave' })
  })
})
