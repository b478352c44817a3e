import { describe, expect, it } from 'vitest'

import {
  ariaChord,
  chordText,
  electronAccelerator,
  keyCaps,
  matchesChord,
  parseChord,
  type KeyStroke
} from '@shared/keyboard'

const stroke = (key: string, code: string, held: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held
})

describe('parseChord', () => {
  it('normalises the modifier order and the letter case', () => {
    expect(chordText(parseChord('Alt+Mod+a'))).toBe('Mod+Alt+A')
    expect(chordText(parseChord('Shift+Alt+Ctrl+K'))).toBe('Ctrl+Alt+Shift+K')
    expect(parseChord('Mod++')).toEqual({ modifiers: ['Mod'], key: '+' })
    expect(parseChord('?')).toEqual({ modifiers: [], key: '?' })
  })

  it.each(['Alt+', 'Hyper+A', 'Alt+Alt+A', 'Mod+Ctrl+K', 'Shift+?', 'Alt+Home', 'AB'])(
    'refuses %s',
    (text) => {
      expect(() => parseChord(text)).toThrow()
    }
  )
})

describe('matchesChord', () => {
  it('takes Mod as Ctrl off a Mac and as Cmd on one', () => {
    const modK = parseChord('Mod+K')
    expect(matchesChord(modK, stroke('k', 'KeyK', { ctrlKey: true }), 'other')).toBe(true)
    expect(matchesChord(modK, stroke('k', 'KeyK', { metaKey: true }), 'other')).toBe(false)
    expect(matchesChord(modK, stroke('k', 'KeyK', { metaKey: true }), 'mac')).toBe(true)
    expect(matchesChord(modK, stroke('k', 'KeyK', { ctrlKey: true }), 'mac')).toBe(false)
  })

  it('matches Alt+letter and Alt+digit by the physical key (Option on a Mac prints å and ¡)', () => {
    expect(matchesChord(parseChord('Alt+A'), stroke('å', 'KeyA', { altKey: true }), 'mac')).toBe(
      true
    )
    expect(matchesChord(parseChord('Alt+1'), stroke('¡', 'Digit1', { altKey: true }), 'mac')).toBe(
      true
    )
    expect(matchesChord(parseChord('Alt+A'), stroke('a', 'KeyA'), 'other')).toBe(false)
    expect(
      matchesChord(
        parseChord('Alt+A'),
        stroke('a', 'KeyA', { altKey: true, ctrlKey: true }),
        'other'
      )
    ).toBe(false)
  })

  it('matches a symbol by what it prints, whatever Shift the layout needs', () => {
    const help = parseChord('?')
    // Shift+/ on a US keyboard, Shift+' on a Spanish one.
    expect(matchesChord(help, stroke('?', 'Slash', { shiftKey: true }), 'other')).toBe(true)
    expect(matchesChord(help, stroke('?', 'Minus', { shiftKey: true }), 'other')).toBe(true)
    expect(matchesChord(help, stroke('/', 'Slash'), 'other')).toBe(false)
    expect(matchesChord(parseChord('/'), stroke('/', 'Digit7', { shiftKey: true }), 'other')).toBe(
      true
    )
    expect(matchesChord(parseChord('/'), stroke('/', 'Slash', { ctrlKey: true }), 'other')).toBe(
      false
    )
  })

  it('matches digits and named keys by key, with exactly the modifiers asked for', () => {
    expect(matchesChord(parseChord('3'), stroke('3', 'Numpad3'), 'other')).toBe(true)
    expect(matchesChord(parseChord('Enter'), stroke('Enter', 'Enter'), 'other')).toBe(true)
    expect(
      matchesChord(parseChord('Enter'), stroke('Enter', 'Enter', { shiftKey: true }), 'other')
    ).toBe(false)
    expect(
      matchesChord(parseChord('Mod+Enter'), stroke('Enter', 'Enter', { ctrlKey: true }), 'other')
    ).toBe(true)
  })
})

describe('spelling a chord', () => {
  it('as an Electron accelerator', () => {
    expect(electronAccelerator(parseChord('Mod+Alt+A'))).toBe('CommandOrControl+Alt+A')
    expect(electronAccelerator(parseChord('Ctrl+Shift+Escape'))).toBe('Control+Shift+Esc')
    expect(electronAccelerator(parseChord('Meta+ArrowUp'))).toBe('Super+Up')
  })

  it('as aria-keyshortcuts, per platform', () => {
    expect(ariaChord(parseChord('Alt+M'), 'other')).toBe('Alt+M')
    expect(ariaChord(parseChord('Mod+Enter'), 'other')).toBe('Control+Enter')
    expect(ariaChord(parseChord('Mod+Enter'), 'mac')).toBe('Meta+Enter')
    expect(ariaChord(parseChord('?'), 'other')).toBe('Shift+?')
    expect(ariaChord(parseChord('/'), 'other')).toBe('/')
  })

  it('as key caps, with ⌘ and ⌥ on a Mac', () => {
    expect(keyCaps(parseChord('Mod+Alt+A'), 'other')).toEqual([
      { name: 'ctrl' },
      { name: 'alt' },
      { text: 'A' }
    ])
    expect(keyCaps(parseChord('Mod+Alt+A'), 'mac')).toEqual([
      { name: 'option' },
      { name: 'cmd' },
      { text: 'A' }
    ])
    expect(keyCaps(parseChord('Escape'), 'mac')).toEqual([{ name: 'Escape' }])
  })
})
