/**
 * A state a lead forced, on the agent's desk: the slice takes it (the pause follows a call that
 * is up; Ready never hides a phone that cannot ring), the recorder does not record it a second
 * time (but records the truth when the desk could not take it as it is), and the follower
 * applies each pulled forced record once, only when it is the agent's latest.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { LocalAgentState } from '@shared/contract/worker'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'

interface Sent {
  name: string
  args: Record<string, unknown>
}

const fake = vi.hoisted(() => {
  const state: {
    sent: { name: string; args: Record<string, unknown> }[]
    current: unknown
    listeners: ((payload: { entities: string[] }) => void)[]
  } = { sent: [], current: null, listeners: [] }
  return state
})

vi.mock('@renderer/data/data-client', () => ({
  dataClient: () => ({
    send: (name: string, args: Record<string, unknown>) => {
      fake.sent.push({ name, args })
      const data = name === 'agentState:current' ? { agentState: fake.current } : {}
      return Promise.resolve({ ok: true, data })
    },
    listen: (_event: string, cb: (payload: { entities: string[] }) => void) => {
      fake.listeners.push(cb)
      return () => undefined
    }
  })
}))

const { watchAgentStateRecords } = await import('@renderer/features/agent-state/record-agent-state')
const { watchForcedStates } = await import('@renderer/features/agent-state/follow-forced-state')

const ANA = '0b7d6c1e-3f7a-4c55-9f1a-0a1b2c3d4e5f'
const s = () => useAppStore.getState()
const records = (): Sent[] => fake.sent.filter((m) => m.name === 'agentState:record')
const forced = (overrides: Partial<LocalAgentState> = {}): LocalAgentState => ({
  id: crypto.randomUUID(),
  state: 'not_ready',
  pauseReason: 'meeting',
  since: new Date().toISOString(),
  source: 'lead',
  setBy: crypto.randomUUID(),
  setByName: 'Carla Méndez',
  note: 'Sala 2',
  agentId: ANA,
  syncState: 'synced',
  ...overrides
})
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const pulled = async () => {
  for (const listener of fake.listeners) listener({ entities: ['agent_state'] })
  await flush()
}

beforeEach(() => {
  resetAppStore()
  fake.sent.length = 0
  fake.listeners.length = 0
  fake.current = null
  s().loginSucceeded({
    id: ANA,
    username: 'ana',
    displayName: 'Ana Ortiz',
    role: 'agent',
    teamId: crypto.randomUUID()
  })
})
afterEach(() => {
  resetAppStore()
})

describe('a forced state in the agent state slice', () => {
  it('pauses with the reason and keeps the notice until dismissed', () => {
    s().agentStateForced({
      id: 'f1',
      state: 'not_ready',
      pauseReason: 'meeting',
      by: 'C',
      note: null
    })
    expect(s().agent.availability).toMatchObject({ kind: 'not_ready', reason: 'meeting' })
    expect(s().agent.forced?.id).toBe('f1')
    s().forcedNoticeDismissed()
    expect(s().agent.forced).toBeNull()
    expect(s().agent.availability).toMatchObject({ kind: 'not_ready', reason: 'meeting' })
  })

  it('does not make a desk whose phone cannot ring Ready', () => {
    s().phoneHealthChanged(['not_registered'])
    s().agentStateForced({ id: 'f2', state: 'ready', pauseReason: null, by: 'C', note: null })
    expect(s().agent.availability).toMatchObject({ kind: 'not_ready', reason: 'phone_problem' })
  })
})

describe('recording around a forced state', () => {
  it('records no duplicate of the forced state, then the agent’s own changes', async () => {
    const stop = watchAgentStateRecords()
    await flush()
    expect(records().map((r) => r.args['state'])).toEqual(['ready'])
    s().agentStateForced({
      id: 'f3',
      state: 'not_ready',
      pauseReason: 'meeting',
      by: 'C',
      note: null
    })
    s().forcedNoticeDismissed()
    expect(records()).toHaveLength(1)
    s().agentReady()
    expect(records().map((r) => r.args['state'])).toEqual(['ready', 'ready'])
    stop()
  })

  it('records the call again when a pause is forced during it (the pause follows the call)', () => {
    useAppStore.setState((st) => ({ phone: { ...st.phone, phase: 'active' } }))
    const stop = watchAgentStateRecords()
    s().agentStateForced({
      id: 'f4',
      state: 'not_ready',
      pauseReason: 'meeting',
      by: 'C',
      note: null
    })
    expect(records().map((r) => r.args['state'])).toEqual(['on_call', 'on_call'])
    useAppStore.setState((st) => ({ phone: { ...st.phone, phase: 'idle' } }))
    expect(records().at(-1)?.args).toMatchObject({ state: 'not_ready', pauseReason: 'meeting' })
    stop()
  })
})

describe('following forced states', () => {
  it('applies a pulled forced record once, with its notice', async () => {
    const stop = watchForcedStates()
    const record = forced()
    fake.current = record
    await pulled()
    expect(s().agent.forced).toMatchObject({ id: record.id, by: 'Carla Méndez', note: 'Sala 2' })
    expect(s().agent.availability).toMatchObject({ kind: 'not_ready', reason: 'meeting' })
    s().forcedNoticeDismissed()
    s().agentReady()
    await pulled()
    expect(s().agent.forced).toBeNull()
    expect(s().agent.availability.kind).toBe('ready')
    stop()
  })

  it("ignores the desk's own records, other agents' and the lead's pending copy", async () => {
    const stop = watchForcedStates()
    for (const record of [
      forced({ source: 'desk', setBy: null, setByName: null }),
      forced({ agentId: crypto.randomUUID() }),
      forced({ syncState: 'pending' }),
      forced({ source: 'system', state: 'connection_lost', pauseReason: null })
    ]) {
      fake.current = record
      await pulled()
    }
    expect(s().agent.forced).toBeNull()
    expect(s().agent.availability.kind).toBe('ready')
    stop()
  })
})
