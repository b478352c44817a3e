import type { TFunction } from 'i18next'

import {
  ariaChord,
  keyCaps,
  shortcut,
  type Chord,
  type KeyCap,
  type KeyStroke,
  type ShortcutId
} from '@shared/keyboard'
import { isShortcut as strokeIsShortcut } from './dispatcher'
import { currentPlatform } from './platform'

/** The `aria-keyshortcuts` value of a shortcut: 'Alt+M'; several chords space-separated. */
export function ariaKeyShortcuts(id: ShortcutId, platform = currentPlatform()): string {
  return shortcut(id)
    .keys.map((chord) => ariaChord(chord, platform))
    .join(' ')
}

/** One key cap's visible text: a letter as is, a named key in the interface's language. */
export function keyCapText(cap: KeyCap, t: TFunction): string {
  return 'text' in cap ? cap.text : t(`shortcuts.keys.${cap.name}`)
}

/** A chord as people read it, for a tooltip or a hint: 'Ctrl+K', '⌘K' on a Mac. */
export function formatChord(chord: Chord, t: TFunction, platform = currentPlatform()): string {
  const caps = keyCaps(chord, platform).map((cap) => keyCapText(cap, t))
  return caps.join(platform === 'mac' ? '' : '+')
}

/** The shortcut's chords as people read them, 'Alt+A'; several joined by ' / '. */
export function formatShortcut(id: ShortcutId, t: TFunction, platform = currentPlatform()): string {
  return shortcut(id)
    .keys.map((chord) => formatChord(chord, t, platform))
    .join(' / ')
}

/** For a field's own key handler (Ctrl+Enter in a text area): is this event that shortcut? */
export function isShortcut(id: ShortcutId, event: KeyStroke): boolean {
  return strokeIsShortcut(id, event, currentPlatform())
}
