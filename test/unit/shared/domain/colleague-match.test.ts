/**
 * Who is a colleague: by extension or SIP address from the directory, the host checked when the
 * call names one, never by display name; and the precedence an incoming call is decided in.
 */
import { describe, expect, it } from 'vitest'

import {
  colleagueKey,
  isColleague,
  matchColleague,
  type DirectoryEntry
} from '@shared/domain/directory'
import { classifyIncomingCall } from '@shared/domain/incoming-call'
import { scenarioSchema } from '@shared/practice'

const ana: DirectoryEntry = {
  userId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Ana Ortiz',
  role: 'agent',
  teamId: '00000000-0000-4000-8000-0000000000aa',
  teamName: 'Equipo Norte',
  extension: '1001',
  sipAddress: 'sip:1001@atiende.local'
}
const noPhone: DirectoryEntry = {
  ...ana,
  userId: ana.userId.replace('1', '2'),
  extension: null,
  sipAddress: null
}

describe('matching a colleague', () => {
  it('matches the extension dialled or signalled without a host', () => {
    expect(isColleague(ana, { user: '1001', host: null })).toBe(true)
    expect(isColleague(ana, { user: ' 1001 ', host: null })).toBe(true)
  })

  it('matches the SIP address: user part and the directory domain (any case, any port)', () => {
    expect(isColleague(ana, { user: '1001', host: 'atiende.local' })).toBe(true)
    expect(isColleague(ana, { user: '1001', host: 'ATIENDE.local:5060' })).toBe(true)
    expect(isColleague(ana, { user: 'sip:1001@atiende.local', host: null })).toBe(true)
    expect(isColleague(ana, { user: '1001;user=phone', host: 'atiende.local' })).toBe(true)
  })

  it('does not match the same extension in another domain', () => {
    expect(isColleague(ana, { user: '1001', host: 'pbx.example.com' })).toBe(false)
    expect(isColleague(ana, { user: 'sip:1001@evil.example', host: 'atiende.local' })).toBe(false)
  })

  it('never matches by display name: "Ana" calling from a customer number is a customer', () => {
    // The display name is not even an input: only the URI user part and host are.
    expect(isColleague(ana, { user: '+34612345678', host: 'atiende.local' })).toBe(false)
    expect(isColleague(ana, { user: 'Ana Ortiz', host: 'atiende.local' })).toBe(false)
    expect(matchColleague([ana], { user: '612345678', host: null })).toBeNull()
  })

  it('refuses odd caller ids and near misses', () => {
    for (const user of [
      '',
      'anonymous',
      '10011',
      '001001',
      '1001 ',
      '+1001',
      '10 01',
      '1001\u0000'
    ]) {
      expect(isColleague(ana, { user, host: null }), JSON.stringify(user)).toBe(user === '1001 ')
    }
    expect(colleagueKey({ user: '<script>', host: null })).toBeNull()
    expect(colleagueKey({ user: 'x'.repeat(200), host: null })).toBeNull()
    expect(colleagueKey({ user: 'sip:@atiende.local', host: null })).toBeNull()
  })

  it('never matches a user without an extension, nor an extension two users share', () => {
    expect(isColleague(noPhone, { user: '1001', host: null })).toBe(false)
    const twin = { ...ana, userId: '00000000-0000-4000-8000-000000000003', displayName: 'Otra' }
    expect(matchColleague([ana, twin], { user: '1001', host: null })).toBeNull()
    expect(matchColleague([ana, noPhone], { user: '1001', host: null })).toEqual(ana)
  })
})

describe('who is calling: the precedence', () => {
  const customer = { matchedBy: 'phone' as const }

  it('a colleague comes before a customer', () => {
    expect(
      classifyIncomingCall({
        practicePersona: null,
        colleague: ana,
        customer
      })
    ).toEqual({ kind: 'colleague', colleague: ana })
  })

  it('anyone else is a customer (the customer lookup decides which)', () => {
    expect(
      classifyIncomingCall({
        practicePersona: null,
        colleague: null,
        customer
      })
    ).toEqual({ kind: 'customer', match: customer })
  })

  it("a practice call's persona comes first: never a colleague or a customer", () => {
    const persona = scenarioSchema.shape.persona.parse({
      id: 'persona-marta-vidal',
      firstName: 'Marta',
      phone: '+447700900101',
      language: 'es',
      valueTier: 'high_yield'
    })
    expect(classifyIncomingCall({ practicePersona: persona, colleague: ana, customer })).toEqual({
      kind: 'practice',
      persona
    })
  })
})
