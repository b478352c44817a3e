import { describe, expect, it } from 'vitest'

import { callShortcutActions } from '@shared/contract/desktop-api'
import {
  canBeActiveTogether,
  chordText,
  findCollisions,
  globalCallShortcutIds,
  modifierState,
  parseChord,
  shortcut,
  shortcutContexts,
  shortcuts,
  type Declared,
  type Platform,
  type ShortcutContext
} from '@shared/keyboard'

const platforms: readonly Platform[] = ['mac', 'other']

describe('the keyboard map', () => {
  it('has a unique id, at least one chord and a description key per shortcut', () => {
    expect(new Set(shortcuts.map((s) => s.id)).size).toBe(shortcuts.length)
    for (const s of shortcuts) {
      expect(s.keys.length, s.id).toBeGreaterThan(0)
      expect(s.description).toBe(`shortcuts.actions.${s.id}`)
    }
  })

  it.each(platforms)(
    'has no two shortcuts on one keypress in contexts active together (%s)',
    (p) => {
      expect(findCollisions(shortcuts, p)).toEqual([])
    }
  )

  it('declares the shell navigation, the case tools, the sheet and Escape', () => {
    const keys = (id: Parameters<typeof shortcut>[0]) => shortcut(id).keys.map(chordText)
    expect(keys('nav.agentDesk')).toEqual(['Alt+1'])
    expect(keys('nav.teamLive')).toEqual(['Alt+2'])
    expect(keys('nav.training')).toEqual(['Alt+3'])
    expect(keys('nav.quality')).toEqual(['Alt+4'])
    expect(keys('nav.admin')).toEqual(['Alt+5'])
    for (const id of [
      'nav.complaints',
      'case.complaint',
      'case.callback',
      'case.wrapUp'
    ] as const) {
      expect(shortcut(id).context).toBe('app')
    }
    expect(keys('help.shortcuts')).toEqual(['?'])
    expect(shortcut('help.shortcuts').whileTyping).toBe(false)
    expect(keys('app.escape')).toEqual(['Escape'])
    expect(shortcut('app.escape').context).toBe('dialog')
  })

  it('keeps the keys agents already know', () => {
    const table = Object.fromEntries(shortcuts.map((s) => [s.id, s.keys.map(chordText).join(' ')]))
    expect(table).toMatchObject({
      'call.answer': 'Alt+A',
      'call.decline': 'Alt+D',
      'call.hangUp': 'Alt+H',
      'call.practice': 'Alt+P',
      'call.mute': 'Alt+M',
      'call.hold': 'Alt+O',
      'call.swap': 'Alt+S',
      'call.transfer': 'Alt+T',
      'call.redial': 'Alt+R',
      'agent.toggleReady': 'Alt+E',
      'complaints.search': 'Alt+Q',
      'search.focus': 'Mod+K',
      'search.focusQuick': '/',
      'script.choose': '1 2 3 4 5 6 7 8 9 0',
      'script.next': 'Enter',
      'script.back': 'Backspace',
      'form.submit': 'Mod+Enter'
    })
  })
})

describe('contexts', () => {
  it('are reflexive and symmetric, and the always-on ones meet every other', () => {
    for (const a of shortcutContexts) {
      expect(canBeActiveTogether(a, a)).toBe(true)
      for (const b of shortcutContexts) {
        expect(canBeActiveTogether(a, b), `${a} ${b}`).toBe(canBeActiveTogether(b, a))
      }
      for (const always of ['global-os', 'app', 'call', 'search', 'complaints'] as const) {
        expect(canBeActiveTogether(always, a)).toBe(true)
      }
    }
  })

  it('keep the focus contexts apart: the script panel is never a case form or a dialog', () => {
    expect(canBeActiveTogether('script', 'case-form')).toBe(false)
    expect(canBeActiveTogether('script', 'dialog')).toBe(false)
    expect(canBeActiveTogether('case-form', 'dialog')).toBe(true)
  })
})

describe('the collision finder', () => {
  const fake = (id: string, context: ShortcutContext, ...keys: string[]): Declared<string> => ({
    id,
    keys: keys.map(parseChord),
    context
  })

  it('sees Mod+K and Ctrl+K as one keypress off a Mac only', () => {
    const list = [fake('a', 'app', 'Mod+K'), fake('b', 'call', 'Ctrl+K')]
    expect(findCollisions(list, 'other')).toEqual([
      { first: 'a', second: 'b', chord: 'Mod+K', platform: 'other' }
    ])
    expect(findCollisions(list, 'mac')).toEqual([])
  })

  it('lets contexts never active together share a chord, and flags one repeated in a shortcut', () => {
    expect(
      findCollisions([fake('a', 'script', 'Enter'), fake('b', 'dialog', 'Enter')], 'other')
    ).toEqual([])
    expect(findCollisions([fake('a', 'script', '1', '2', '1')], 'mac')).toHaveLength(1)
  })

  it('counts a global accelerator as shadowing the same chord in the window', () => {
    const list = [fake('g', 'global-os', 'Mod+Alt+A'), fake('w', 'script', 'Ctrl+Alt+A')]
    expect(findCollisions(list, 'other')).toHaveLength(1)
  })
})

/**
 * Ctrl+Alt is AltGr on Windows: an accelerator on a key that prints a character with AltGr would
 * take that character from every application. These are the AltGr letters and digits of the
 * Spanish (Spain) and Latin American layouts our agents use. (US-International prints á, ó and µ
 * with AltGr+A, O and M: an agent on it loses those to the global shortcuts; see the docs.)
 */
const altGrCharacters: Readonly<Record<string, readonly string[]>> = {
  'es-ES': ['1', '2', '3', '4', '5', '6', 'E'],
  'es-419': ['Q']
}

describe('the desktop-wide accelerators', () => {
  const globals = shortcuts.filter((s) => s.context === 'global-os')

  it('are exactly the call actions main registers', () => {
    expect(globals.map((s) => s.id).sort()).toEqual(
      callShortcutActions.map((a) => globalCallShortcutIds[a]).sort()
    )
  })

  it.each(platforms)(
    'hold Ctrl or Cmd and Alt, so no text field anywhere loses a key (%s)',
    (p) => {
      for (const chord of globals.flatMap((s) => s.keys)) {
        const held = modifierState(chord, p)
        expect(held.alt && (held.ctrl || held.meta), chordText(chord)).toBe(true)
      }
    }
  )

  it.each(Object.entries(altGrCharacters))(
    'take no AltGr character of the %s layout',
    (_, keys) => {
      for (const chord of globals.flatMap((s) => s.keys)) {
        expect(keys, chordText(chord)).not.toContain(chord.key)
      }
    }
  )
})
