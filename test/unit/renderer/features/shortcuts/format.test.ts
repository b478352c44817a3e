import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'

import { ariaKeyShortcuts, formatShortcut } from '@renderer/features/shortcuts'
import { detectPlatform } from '@renderer/features/shortcuts/platform'
import en from '@renderer/i18n/en.json'
import es from '@renderer/i18n/es.json'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({ resources: { es: { translation: es }, en: { translation: en } }, lng: 'es' })
})

describe('shortcut labels', () => {
  it('spell aria-keyshortcuts as the existing controls did', () => {
    expect(ariaKeyShortcuts('call.mute', 'other')).toBe('Alt+M')
    expect(ariaKeyShortcuts('agent.toggleReady', 'other')).toBe('Alt+E')
    expect(ariaKeyShortcuts('form.submit', 'other')).toBe('Control+Enter')
    expect(ariaKeyShortcuts('form.submit', 'mac')).toBe('Meta+Enter')
    expect(ariaKeyShortcuts('script.back', 'other')).toBe('Backspace')
  })

  it('read in the interface language, with the Mac symbols on a Mac', () => {
    const es = i18n.getFixedT('es')
    const en = i18n.getFixedT('en')
    expect(formatShortcut('search.focus', es, 'other')).toBe('Ctrl+K')
    expect(formatShortcut('search.focus', en, 'mac')).toBe('⌘K')
    expect(formatShortcut('form.submit', es, 'other')).toBe('Ctrl+Intro')
    expect(formatShortcut('form.submit', en, 'other')).toBe('Ctrl+Enter')
    expect(formatShortcut('desktop.answer', en, 'mac')).toBe('⌥⌘A')
    expect(formatShortcut('help.shortcuts', es, 'other')).toBe('?')
  })
})

describe('detectPlatform', () => {
  it('finds a Mac by the user agent data, or by the older navigator.platform', () => {
    expect(detectPlatform({ userAgentData: { platform: 'macOS' } })).toBe('mac')
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac')
    expect(detectPlatform({ platform: 'Win32' })).toBe('other')
    expect(detectPlatform({ userAgentData: { platform: 'Linux' } })).toBe('other')
    expect(detectPlatform(undefined)).toBe('other')
  })
})
