import { describe, expect, it } from 'vitest'

import {
  applyOverrides,
  loadOverrides,
  noOverrides,
  parseOverrideForm,
  saveOverrides
} from '@renderer/settings/sip-overrides'
import type { SipAccount } from '@shared/domain/sip-account'
import { MemoryStorage } from '@support/memory-storage'

const account: SipAccount = {
  configured: true,
  uri: 'sip:1001@atiende.local',
  displayName: 'Ana',
  authUser: '1001',
  password: 'secret',
  wsServers: ['wss://pbx.example.com'],
  iceServers: [{ urls: 'stun:stun.example.com' }],
  dialPrefix: '',
  defaultCountry: 'ES'
}

describe('phone settings overrides', () => {
  it('parses one server per line and ICE lines with credentials', () => {
    const parsed = parseOverrideForm({
      wsServers: 'wss://a.example.com/ws\n\n ws://127.0.0.1:8081 ',
      iceServers: 'turns:t.example.com:443 user pass',
      useCustomIce: true
    })
    expect(parsed).toEqual({
      ok: true,
      overrides: {
        ...noOverrides,
        wsServers: ['wss://a.example.com/ws', 'ws://127.0.0.1:8081'],
        iceServers: [{ urls: 'turns:t.example.com:443', username: 'user', credential: 'pass' }],
        useCustomIce: true
      }
    })
  })

  it('names the offending line', () => {
    const parsed = parseOverrideForm({
      wsServers: 'https://pbx.example.com',
      iceServers: 'stun.example.com',
      useCustomIce: false
    })
    expect(parsed).toEqual({
      ok: false,
      errors: {
        wsServers: { key: 'settings.errors.wsUrl', line: 'https://pbx.example.com' },
        iceServers: { key: 'settings.errors.iceUrl', line: 'stun.example.com' }
      }
    })
  })

  it('persists the overrides without the password and applies them on top', () => {
    const storage = new MemoryStorage()
    expect(loadOverrides(storage)).toEqual(noOverrides)
    saveOverrides(
      { ...noOverrides, wsServers: ['ws://127.0.0.1:9'], iceServers: [], useCustomIce: true },
      storage
    )
    expect(storage.getItem('atiende.sip-overrides')).not.toContain('secret')
    const effective = applyOverrides(account, loadOverrides(storage))
    expect(effective).toMatchObject({
      wsServers: ['ws://127.0.0.1:9'],
      iceServers: [],
      password: 'secret'
    })
    expect(applyOverrides(account, noOverrides)).toEqual(account)
  })

  it('reads settings saved before account overrides existed as overriding nothing', () => {
    const storage = new MemoryStorage()
    storage.setItem(
      'atiende.sip-overrides',
      JSON.stringify({ wsServers: [], iceServers: [], useCustomIce: false })
    )
    expect(loadOverrides(storage)).toEqual(noOverrides)
  })

  it('overrides account fields that are set, checks each, and keeps the rest provisioned', () => {
    const form = {
      wsServers: '',
      iceServers: '',
      useCustomIce: false,
      rememberPassword: true,
      account: {
        uri: 'sip:7001@pbx.example.com',
        displayName: '  Ana (tarde)  ',
        authUser: '',
        dialPrefix: '0'
      }
    }
    const parsed = parseOverrideForm(form)
    expect(parsed).toEqual({
      ok: true,
      overrides: {
        ...noOverrides,
        rememberPassword: true,
        account: {
          uri: 'sip:7001@pbx.example.com',
          displayName: 'Ana (tarde)',
          dialPrefix: '0'
        }
      }
    })
    if (!parsed.ok) return
    expect(applyOverrides(account, parsed.overrides, 'local-secret')).toEqual({
      ...account,
      uri: 'sip:7001@pbx.example.com',
      displayName: 'Ana (tarde)',
      password: 'local-secret',
      dialPrefix: '0'
    })
    const bad = parseOverrideForm({
      ...form,
      account: {
        uri: 'http://pbx',
        displayName: 'x'.repeat(65),
        authUser: 'two words',
        dialPrefix: '0x'
      }
    })
    expect(bad).toEqual({
      ok: false,
      errors: {
        account: {
          uri: 'settings.errors.uri',
          displayName: 'settings.errors.displayName',
          authUser: 'settings.errors.authUser',
          dialPrefix: 'settings.errors.dialPrefix'
        }
      }
    })
  })

  it('ignores a corrupt stored value', () => {
    const storage = new MemoryStorage()
    storage.setItem('atiende.sip-overrides', '{"wsServers":["http://x"]')
    expect(loadOverrides(storage)).toEqual(noOverrides)
  })
})
