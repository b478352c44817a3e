/**
 * The trainee's invitations on the desk: read at start and again at every `roleplay_invitation`
 * change (and only then), the latest read shown, each dropped when it expires, nothing kept after
 * sign-out. The server and the worker's events are fakes here (the real path is the e2e role-play
 * spec's, through the change log and Kamailio).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { RoleplayInvitation } from '@shared/practice/roleplay'
import { useInvitations, watchRoleplayInvitations } from '@renderer/features/roleplay/invitations'

const NOW = Date.parse('2026-12-07T16:00:00.000Z')
const invitation = (id: string, expiresInMs: number): RoleplayInvitation => ({
  id,
  trainerName: 'Tomás Vidal',
  trainerSipUri: 'sip:3001@atiende.local',
  scenarioId: 'retention-objections',
  scenarioVersion: 1,
  scenarioTitle: { es: 'Retención' },
  expiresAt: new Date(NOW + expiresInMs).toISOString(),
  token: 'jws'
})

function fakes(answers: RoleplayInvitation[][]) {
  let reads = 0
  let listener: ((payload: { entities: string[] }) => void) | null = null
  let status: ((payload: { isLive: boolean }) => void) | null = null
  const api = {
    roleplayInvitations: () => {
      const data = answers[Math.min(reads, answers.length - 1)] ?? []
      reads++
      return Promise.resolve({ ok: true as const, data })
    }
  }
  const client = {
    listen: (event: string, cb: (payload: never) => void) => {
      if (event === 'sync:status-changed') {
        status = cb as (payload: { isLive: boolean }) => void
        return () => {
          status = null
        }
      }
      listener = cb as (payload: { entities: string[] }) => void
      return () => {
        listener = null
      }
    }
  }
  return {
    api,
    client: client as unknown as Parameters<typeof watchRoleplayInvitations>[1],
    reads: () => reads,
    poke: (entities: string[]) => listener?.({ entities }),
    live: (isLive: boolean) => status?.({ isLive }),
    listening: () => listener !== null
  }
}

describe("the trainee's invitations", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('are read at start and at each invitation change, not at other changes', async () => {
    const f = fakes([
      [invitation('a', 60_000)],
      [invitation('a', 60_000)],
      [invitation('a', 60_000), invitation('b', 90_000)]
    ])
    const stop = watchRoleplayInvitations(f.api, f.client, () => Date.now())
    await vi.waitFor(() => {
      expect(useInvitations.getState().open.map((i) => i.id)).toEqual(['a'])
    })
    f.poke(['complaint'])
    expect(f.reads()).toBe(1)
    // The realtime channel connecting reads them again; staying live does not.
    f.live(true)
    f.live(true)
    expect(f.reads()).toBe(2)
    f.poke(['roleplay_invitation'])
    await vi.waitFor(() => {
      expect(useInvitations.getState().open.map((i) => i.id)).toEqual(['a', 'b'])
    })
    stop()
    expect(useInvitations.getState().open).toEqual([])
    expect(f.listening()).toBe(false)
  })

  it('drop each one when it expires, and leave out one already expired', async () => {
    const f = fakes([
      [invitation('soon', 1_000), invitation('later', 5_000), invitation('gone', -1)]
    ])
    const stop = watchRoleplayInvitations(f.api, f.client, () => Date.now())
    await vi.waitFor(() => {
      expect(useInvitations.getState().open.map((i) => i.id)).toEqual(['soon', 'later'])
    })
    await vi.advanceTimersByTimeAsync(1_100)
    expect(useInvitations.getState().open.map((i) => i.id)).toEqual(['later'])
    await vi.advanceTimersByTimeAsync(4_000)
    expect(useInvitations.getState().open).toEqual([])
    stop()
  })
})
