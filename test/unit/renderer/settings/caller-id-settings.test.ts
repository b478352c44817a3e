/**
 * The caller-identification settings: CTI header names checked as RFC 7230 tokens (lower-cased,
 * each once, every bad entry reported), the default country checked against libphonenumber-js,
 * and the country the screen pop reads numbers with (setting, else provisioned, else ES).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import {
  ctiHeaderNames,
  defaultCountry,
  loadCallerIdSettings,
  parseCallerIdForm,
  rememberProvisionedCountry,
  saveCallerIdSettings
} from '@renderer/settings/caller-id-settings'
import { MemoryStorage } from '@support/memory-storage'

describe('the caller-identification form', () => {
  it('keeps valid header names in order, lower-cased and once each', () => {
    expect(
      parseCallerIdForm({
        ctiHeaders: ' X-Ivr-Cliente \n\nx-account\nX-IVR-CLIENTE\nP_Ref.1~',
        defaultCountry: ' mx '
      })
    ).toEqual({
      ok: true,
      settings: { ctiHeaders: ['x-ivr-cliente', 'x-account', 'p_ref.1~'], defaultCountry: 'MX' }
    })
  })

  it('reports every bad entry with its problem, and a country libphonenumber-js does not know', () => {
    const parsed = parseCallerIdForm({
      ctiHeaders: 'x-account\nbad name\nx@ivr\nx-ñ\n' + 'x'.repeat(65),
      defaultCountry: 'ZZ'
    })
    expect(parsed).toEqual({
      ok: false,
      errors: {
        ctiHeaders: [
          { entry: 'bad name', problem: 'not_a_token' },
          { entry: 'x@ivr', problem: 'not_a_token' },
          { entry: 'x-ñ', problem: 'not_a_token' },
          { entry: 'x'.repeat(65), problem: 'too_long' }
        ],
        defaultCountry: true
      }
    })
  })

  it('leaves both empty: the default headers and the provisioned country', () => {
    expect(parseCallerIdForm({ ctiHeaders: ' \n', defaultCountry: '' })).toEqual({
      ok: true,
      settings: { ctiHeaders: [], defaultCountry: null }
    })
  })
})

describe('the settings the screen pop uses', () => {
  let storage: MemoryStorage

  beforeEach(() => {
    storage = new MemoryStorage()
    vi.stubGlobal('localStorage', storage)
    rememberProvisionedCountry(null)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('uses the defaults until something is set', () => {
    expect(ctiHeaderNames()).toEqual(['x-customer-id', 'x-account'])
    expect(defaultCountry()).toBe('ES')
  })

  it('prefers the saved country over the provisioned one, and ignores a provisioned typo', () => {
    rememberProvisionedCountry('co')
    expect(defaultCountry()).toBe('CO')
    saveCallerIdSettings({ ctiHeaders: ['x-ivr-cliente'], defaultCountry: 'MX' })
    expect(defaultCountry()).toBe('MX')
    expect(ctiHeaderNames()).toEqual(['x-ivr-cliente'])
    saveCallerIdSettings({ ctiHeaders: [], defaultCountry: null })
    rememberProvisionedCountry('XX')
    expect(defaultCountry()).toBe('ES')
  })

  it('reads what sites set before the settings screen existed', () => {
    storage.setItem('atiende.ctiHeaders', 'X-Account, bad name ,x-ivr-ref')
    storage.setItem('atiende.sip-overrides', JSON.stringify({ account: { defaultCountry: 'AR' } }))
    expect(loadCallerIdSettings(storage)).toEqual({
      ctiHeaders: ['x-account', 'x-ivr-ref'],
      defaultCountry: 'AR'
    })
    expect(defaultCountry()).toBe('AR')
  })

  it('sees at the next ring what another window stored after a read', () => {
    expect(ctiHeaderNames()).toEqual(['x-customer-id', 'x-account'])
    storage.setItem('atiende.ctiHeaders', 'x-ivr-ref')
    expect(ctiHeaderNames()).toEqual(['x-ivr-ref'])
    storage.setItem('atiende.callerId', JSON.stringify({ ctiHeaders: [], defaultCountry: 'PE' }))
    expect(defaultCountry()).toBe('PE')
    expect(ctiHeaderNames()).toEqual(['x-customer-id', 'x-account'])
  })

  it('falls back to the defaults when the stored value is corrupt', () => {
    storage.setItem('atiende.callerId', '{"ctiHeaders":')
    expect(ctiHeaderNames()).toEqual(['x-customer-id', 'x-account'])
    storage.setItem('atiende.callerId', JSON.stringify({ ctiHeaders: [], defaultCountry: 'ZZ' }))
    expect(defaultCountry()).toBe('ES')
  })
})
