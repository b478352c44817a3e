import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { watchForWake } from '@renderer/telephony/wake-detector'

describe('wake detector', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00.000Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports a sleep once, with its length, and stays quiet while ticks are on time', () => {
    const wakes: number[] = []
    const stop = watchForWake((gap) => wakes.push(gap), { intervalMs: 5000, toleranceMs: 10_000 })
    vi.advanceTimersByTime(60_000)
    expect(wakes).toEqual([])
    // The machine sleeps: the clock jumps while no timer fires.
    vi.setSystemTime(Date.now() + 120_000)
    vi.advanceTimersByTime(5000)
    expect(wakes).toEqual([125_000])
    vi.advanceTimersByTime(30_000)
    expect(wakes).toHaveLength(1)
    stop()
    vi.setSystemTime(Date.now() + 120_000)
    vi.advanceTimersByTime(5000)
    expect(wakes).toHaveLength(1)
  })

  it('does not take a busy main thread (a tick a few seconds late) for a sleep', () => {
    const wakes: number[] = []
    const stop = watchForWake((gap) => wakes.push(gap), { intervalMs: 5000, toleranceMs: 10_000 })
    vi.setSystemTime(Date.now() + 9000)
    vi.advanceTimersByTime(5000)
    expect(wakes).toEqual([])
    stop()
  })
})
