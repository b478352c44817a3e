/**
 * The trainer's role-play on the desk: the prompter reads the scenario at the trainee's step,
 * starting asks the server, reads the scenario and dials with the session (fakes for all three:
 * the real path runs in the e2e role-play spec), and the notes outlive the call in the store.
 */
import { beforeEach, describe, expect, it } from 'vitest'

import { prompterFor, startRoleplay } from '@renderer/features/roleplay'
import { useAppStore } from '@renderer/stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { sample } from '../../../shared/practice/support'

const { scenario, script } = sample('retention-objections')
const roleplay = {
  id: '6f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10',
  traineeId: '0b8e4f0e-6c1d-4c8e-8f5a-1f2e3d4c5b6a',
  traineeName: 'Ana Ortiz',
  traineeSipUri: 'sip:1001@atiende.local',
  scenarioId: 'retention-objections',
  scenarioVersion: 1,
  expiresAt: '2026-12-07T10:02:00.000Z'
}

describe('the prompter', () => {
  it("gives the customer's lines at a step in the persona's language, and the answer to give", () => {
    const first = scenario.customer.turns[0]
    expect(first).toBeDefined()
    const cues = prompterFor(scenario, script, first?.node ?? '')
    expect(cues.length).toBeGreaterThan(0)
    expect(cues.every((c) => c.text.trim() !== '')).toBe(true)
    const withAnswer = scenario.customer.turns.find((t) => t.answer !== undefined)
    if (withAnswer) {
      const answer = prompterFor(scenario, script, withAnswer.node).find((c) => c.kind === 'answer')
      expect(answer?.text).not.toBe('')
    }
    expect(prompterFor(scenario, script, 'no-such-step')).toEqual([])
  })

  it('says whether the customer takes an offer', () => {
    const offer = scenario.customer.turns.find((t) => t.offer)
    expect(offer).toBeDefined()
    const cue = prompterFor(scenario, script, offer?.node ?? '').find((c) => c.kind === 'offer')
    expect(cue?.accepted).toBe(offer?.offer?.response === 'accepted')
  })
})

describe('starting a role-play', () => {
  beforeEach(() => {
    useAppStore.getState().roleplayClosed()
  })

  it('dials the trainee with the session, as practice on the trainer side, console open', async () => {
    const dialled: { uri: string; token: string; practice: PracticeCallScenario }[] = []
    const outcome = await startRoleplay(
      { traineeId: roleplay.traineeId, scenarioId: 'retention-objections', scenarioVersion: 1 },
      {
        issue: () => Promise.resolve({ ok: true, data: { roleplay, token: 'jws' } }),
        scenario: () => Promise.resolve(scenario),
        dial: (uri, token, practice) => {
          dialled.push({ uri, token, practice })
          return Promise.resolve(true)
        }
      }
    )
    expect(outcome).toBe('calling')
    expect(dialled[0]?.uri).toBe('sip:1001@atiende.local')
    expect(dialled[0]?.token).toBe('jws')
    expect(dialled[0]?.practice.roleplay).toMatchObject({ id: roleplay.id, role: 'trainer' })
    expect(useAppStore.getState().roleplay.current?.roleplay.id).toBe(roleplay.id)
  })

  it('says why it could not: refused, no extension, a phone that cannot call (console closed)', async () => {
    const deps = {
      issue: () => Promise.resolve({ ok: false as const, reason: 'forbidden' as const }),
      scenario: () => Promise.resolve(scenario),
      dial: () => Promise.resolve(true)
    }
    expect(await startRoleplay({ ...roleplay, scenarioId: 'x', scenarioVersion: 1 }, deps)).toBe(
      'forbidden'
    )
    const noExtension = { ...roleplay, traineeSipUri: null }
    expect(
      await startRoleplay(
        { traineeId: roleplay.traineeId, scenarioId: 'x', scenarioVersion: 1 },
        {
          ...deps,
          issue: () => Promise.resolve({ ok: true, data: { roleplay: noExtension, token: 'j' } })
        }
      )
    ).toBe('no_extension')
    expect(
      await startRoleplay(
        { traineeId: roleplay.traineeId, scenarioId: 'x', scenarioVersion: 1 },
        {
          ...deps,
          issue: () => Promise.resolve({ ok: true, data: { roleplay, token: 'j' } }),
          dial: () => Promise.resolve(false)
        }
      )
    ).toBe('phone_unavailable')
    expect(useAppStore.getState().roleplay.current).toBeNull()
  })

  it('keeps notes and the comment until the trainer closes the role-play', () => {
    const store = useAppStore.getState()
    store.roleplayStarted(roleplay, scenario)
    store.roleplayNoteAdded({ nodeId: 'legal', text: 'Lee el aviso completo' })
    store.roleplayNoteAdded({ nodeId: null, text: 'Buen tono' })
    store.roleplayNoteRemoved(0)
    store.roleplayCommentChanged('Bien')
    expect(useAppStore.getState().roleplay.current).toMatchObject({
      notes: [{ nodeId: null, text: 'Buen tono' }],
      comment: 'Bien'
    })
    store.roleplayClosed()
    expect(useAppStore.getState().roleplay.current).toBeNull()
  })
})
