import { describe, expect, it } from 'vitest'

import {
  defaultPhonePreferences,
  loadPhonePreferences
} from '@renderer/features/softphone/phone-preferences'

function storageWith(value: string): Storage {
  const items = new Map([['atiende.softphone-preferences', value]])
  return {
    length: items.size,
    clear: () => undefined,
    key: () => null,
    removeItem: () => undefined,
    setItem: (key: string, stored: string) => {
      items.set(key, stored)
    },
    getItem: (key: string) => items.get(key) ?? null
  }
}

describe('phone preferences', () => {
  it('keeps the valid stored fields and defaults the rest', () => {
    const stored = JSON.stringify({ singleLine: true, dtmfMethod: 'carrier-pigeon' })
    expect(loadPhonePreferences(storageWith(stored))).toEqual({
      ...defaultPhonePreferences,
      singleLine: true
    })
    expect(loadPhonePreferences(storageWith('{not json'))).toEqual(defaultPhonePreferences)
  })

  it('sees a change stored after a read (here, or by another window)', () => {
    const storage = storageWith(JSON.stringify({ singleLine: true }))
    expect(loadPhonePreferences(storage).singleLine).toBe(true)
    storage.setItem('atiende.softphone-preferences', JSON.stringify({ singleLine: false }))
    expect(loadPhonePreferences(storage).singleLine).toBe(false)
  })
})
