/**
 * The trainer's role-play on the desk: the prompter reads the scenario at the trainee's step,
 * starting asks the server, reads the scenario and dials with the session, or waits for the
 * trainee's call (fakes for all three: the real path runs in the e2e role-play spec), and the
 * notes outlive the call in the store. The trainee's side of an invitation dials the trainer.
 */
import { beforeEach, describe, expect, it } from 'vitest'

import { prompterFor, startRoleplay, waitingRoleplay } from '@renderer/features/roleplay'
import { callInvitation } from '@renderer/features/roleplay/call-invitation'
import { suggestedDirection } from '@renderer/features/roleplay/suggested-direction'
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
  expiresAt: '2026-12-07T10:02:00.000Z',
  direction: 'trainer_calls' as const
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
        },
        withdraw: () => Promise.resolve()
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
      dial: () => Promise.resolve(true),
      withdraw: () => Promise.resolve()
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

describe('the trainee dials (an outbound scenario)', () => {
  beforeEach(() => {
    useAppStore.getState().roleplayClosed()
  })
  const invited = { ...roleplay, direction: 'trainee_calls' as const }

  it('waits with the console open, dialling nothing; the session is awaited until its call comes', async () => {
    const dialled: string[] = []
    const outcome = await startRoleplay(
      {
        traineeId: roleplay.traineeId,
        scenarioId: 'retention-objections',
        scenarioVersion: 1,
        direction: 'trainee_calls'
      },
      {
        issue: () => Promise.resolve({ ok: true, data: { roleplay: invited, token: null } }),
        scenario: () => Promise.resolve(scenario),
        dial: (uri) => {
          dialled.push(uri)
          return Promise.resolve(true)
        },
        withdraw: () => Promise.resolve()
      }
    )
    expect(outcome).toBe('waiting')
    expect(dialled).toEqual([])
    expect(waitingRoleplay.id()).toBe(roleplay.id)
    waitingRoleplay.taken('call-from-ana')
    expect(useAppStore.getState().roleplay.current?.callId).toBe('call-from-ana')
    // Taken: a second call with the same session is not awaited any more.
    expect(waitingRoleplay.id()).toBeNull()
  })

  it('withdraws the invitation it waited on when the trainer starts another role-play', async () => {
    useAppStore.getState().roleplayStarted(invited, scenario)
    const withdrawn: string[] = []
    const other = { ...roleplay, id: '7f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10' }
    const outcome = await startRoleplay(
      { traineeId: roleplay.traineeId, scenarioId: 'x', scenarioVersion: 1 },
      {
        issue: () => Promise.resolve({ ok: true, data: { roleplay: other, token: 'jws' } }),
        scenario: () => Promise.resolve(scenario),
        dial: () => Promise.resolve(true),
        withdraw: (id) => {
          withdrawn.push(id)
          return Promise.resolve()
        }
      }
    )
    expect(outcome).toBe('calling')
    expect(withdrawn).toEqual([roleplay.id])
  })

  it('awaits nothing when the trainer dials, or no console is open', () => {
    expect(waitingRoleplay.id()).toBeNull()
    useAppStore.getState().roleplayStarted(roleplay, scenario)
    expect(waitingRoleplay.id()).toBeNull()
  })

  it('says a trainer without an extension cannot be called', async () => {
    const outcome = await startRoleplay(
      {
        traineeId: roleplay.traineeId,
        scenarioId: 'x',
        scenarioVersion: 1,
        direction: 'trainee_calls'
      },
      {
        issue: () => Promise.resolve({ ok: false, reason: 'no_own_extension' }),
        scenario: () => Promise.resolve(scenario),
        dial: () => Promise.resolve(true),
        withdraw: () => Promise.resolve()
      }
    )
    expect(outcome).toBe('no_own_extension')
    expect(useAppStore.getState().roleplay.current).toBeNull()
  })

  it("dials the trainer from the trainee's desk with the invitation's session, as practice", async () => {
    const invitation = {
      id: roleplay.id,
      trainerName: 'Tomás Vidal',
      trainerSipUri: 'sip:3001@atiende.local',
      scenarioId: 'retention-objections',
      scenarioVersion: 1,
      scenarioTitle: { es: 'Retención' },
      expiresAt: roleplay.expiresAt,
      token: 'jws'
    }
    const dialled: { uri: string; token: string; practice: PracticeCallScenario }[] = []
    const deps = {
      scenario: () => Promise.resolve(scenario),
      dial: (uri: string, token: string, practice: PracticeCallScenario) => {
        dialled.push({ uri, token, practice })
        return Promise.resolve(true)
      }
    }
    expect(await callInvitation(invitation, deps)).toBe('calling')
    expect(dialled[0]).toMatchObject({ uri: 'sip:3001@atiende.local', token: 'jws' })
    expect(dialled[0]?.practice.roleplay).toEqual({
      id: roleplay.id,
      trainerName: 'Tomás Vidal',
      role: 'trainee'
    })
    expect(dialled[0]?.practice.scenario.persona.firstName).toBe('Luis')
    expect(await callInvitation({ ...invitation, trainerSipUri: null }, deps)).toBe('no_extension')
    expect(
      await callInvitation(invitation, { ...deps, scenario: () => Promise.resolve(null) })
    ).toBe('no_scenario')
    expect(await callInvitation(invitation, { ...deps, dial: () => Promise.resolve(false) })).toBe(
      'phone_unavailable'
    )
  })
})

describe('which side dials a scenario', () => {
  it('the trainee, when every rule names its script for outbound calls only', () => {
    const rules = [
      { script: 'outbound-retention', when: { direction: 'outbound' as const } },
      { script: 'inbound-service', when: { direction: 'inbound' as const } },
      { script: 'satisfaction-survey', when: { campaigns: ['csat'] } },
      { script: 'mixed', when: { direction: 'outbound' as const } },
      { script: 'mixed', when: {} }
    ]
    expect(suggestedDirection('outbound-retention', rules)).toBe('trainee_calls')
    expect(suggestedDirection('inbound-service', rules)).toBe('trainer_calls')
    expect(suggestedDirection('satisfaction-survey', rules)).toBe('trainer_calls')
    expect(suggestedDirection('mixed', rules)).toBe('trainer_calls')
    expect(suggestedDirection('unlisted', rules)).toBe('trainer_calls')
  })
})
