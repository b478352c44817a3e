import { afterEach, describe, expect, it } from 'vitest'

import { effectiveAgentState } from '@renderer/features/agent-state/agent-state'
import {
  LINE_DOWN_GRACE_MS,
  phoneProblems,
  type PhoneHealthInputs
} from '@renderer/features/agent-state/phone-watchdog'
import type { PhonePhase } from '@renderer/features/softphone/store'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'

const now = new Date('2026-11-24T10:00:00.000Z')
const healthy: PhoneHealthInputs = {
  line: 'registered',
  lineDownSince: null,
  microphone: 'granted',
  audioInputs: 1,
  now
}
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()

describe('phone watchdog', () => {
  it.each<[string, Partial<PhoneHealthInputs>, string[]]>([
    ['a registered line with a microphone', {}, []],
    [
      'a line re-registering within the grace period',
      { line: 'connecting', lineDownSince: ago(LINE_DOWN_GRACE_MS - 1) },
      []
    ],
    [
      'a line down for the whole grace period',
      { line: 'unregistered', lineDownSince: ago(LINE_DOWN_GRACE_MS) },
      ['not_registered']
    ],
    ['a stopped line', { line: 'stopped', lineDownSince: ago(60_000) }, ['not_registered']],
    ['a denied microphone', { microphone: 'denied' }, ['microphone_denied']],
    ['a permission not asked yet', { microphone: 'prompt' }, []],
    ['an unknown permission', { microphone: 'unknown' }, []],
    ['no audio input at all', { audioInputs: 0 }, ['no_microphone']],
    ['devices not enumerable', { audioInputs: null }, []],
    [
      'everything wrong at once',
      { line: 'unregistered', lineDownSince: ago(30_000), microphone: 'denied', audioInputs: 0 },
      ['not_registered', 'microphone_denied', 'no_microphone']
    ],
    [
      'a practice-only user, whatever the devices',
      { line: 'unconfigured', microphone: 'denied', audioInputs: 0 },
      []
    ]
  ])('%s', (_name, patch, expected) => {
    expect(phoneProblems({ ...healthy, ...patch })).toEqual(expected)
  })

  it('does not alarm while the down time is unknown', () => {
    expect(phoneProblems({ ...healthy, line: 'unregistered', lineDownSince: null })).toEqual([])
  })
})

describe('effective agent state', () => {
  const ready = { kind: 'ready', since: now.toISOString() } as const
  const paused = {
    kind: 'not_ready',
    reason: 'lunch',
    since: now.toISOString(),
    bySystem: false
  } as const
  it.each<[PhonePhase, string, string]>([
    ['idle', 'ready', 'not_ready'],
    ['ringing', 'on_call', 'on_call'],
    ['dialing', 'on_call', 'on_call'],
    ['connecting', 'on_call', 'on_call'],
    ['active', 'on_call', 'on_call'],
    ['held', 'on_call', 'on_call'],
    ['wrap_up', 'wrap_up', 'wrap_up']
  ])('in phase %s: ready → %s, paused → %s', (phase, whenReady, whenPaused) => {
    expect(effectiveAgentState(ready, phase)).toBe(whenReady)
    expect(effectiveAgentState(paused, phase)).toBe(whenPaused)
  })
})

describe('agent state slice', () => {
  afterEach(resetAppStore)
  const s = () => useAppStore.getState()

  it('pauses with a reason and returns to ready', () => {
    s().agentNotReady('lunch')
    expect(s().agent.availability).toMatchObject({
      kind: 'not_ready',
      reason: 'lunch',
      bySystem: false
    })
    s().agentReady()
    expect(s().agent.availability.kind).toBe('ready')
  })

  it('pauses a ready agent when the phone fails, and keeps them paused when it recovers', () => {
    s().phoneHealthChanged(['not_registered'])
    expect(s().agent.availability).toMatchObject({
      kind: 'not_ready',
      reason: 'phone_problem',
      bySystem: true
    })
    s().agentReady()
    expect(s().agent.availability.kind).toBe('not_ready')
    s().phoneHealthChanged([])
    expect(s().agent).toMatchObject({ phoneRecovered: true, availability: { kind: 'not_ready' } })
    s().agentReady()
    expect(s().agent).toMatchObject({ phoneRecovered: false, availability: { kind: 'ready' } })
  })

  it('keeps the pause the agent chose when the phone fails during it', () => {
    s().agentNotReady('training')
    s().phoneHealthChanged(['no_microphone'])
    expect(s().agent.availability).toMatchObject({ reason: 'training', bySystem: false })
    s().phoneHealthChanged([])
    expect(s().agent.phoneRecovered).toBe(false)
  })

  it('keeps the time of a pause when the same reason is chosen again', () => {
    s().agentNotReady('break')
    const since = s().agent.availability.since
    s().agentNotReady('break')
    expect(s().agent.availability.since).toBe(since)
  })
})
