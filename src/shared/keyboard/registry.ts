/**
 * Every keyboard shortcut of Atiende, in one table: the renderer dispatches from it, main
 * registers the desktop's global accelerators from it, and the shortcut sheet lists it. A
 * shortcut added anywhere else is one the sheet does not show and the collision test does not see.
 */
import type { CallShortcutAction } from '../contract/desktop-api'
import { parseChord, type Chord } from './chord'
import type { ShortcutContext } from './contexts'

interface ShortcutSpec {
  /** Chords as written for parseChord; more than one when each does the same (the digits). */
  readonly keys: readonly string[]
  readonly context: ShortcutContext
  /** Whether it fires while the focus is in a text field (Alt and Ctrl chords type nothing). */
  readonly whileTyping: boolean
}

const spec = (
  context: ShortcutContext,
  whileTyping: boolean,
  ...keys: readonly string[]
): ShortcutSpec => ({ keys, context, whileTyping })

const table = {
  // The desktop edition's system-wide call control: Mod+Alt, so no text field loses a key.
  'desktop.answer': spec('global-os', true, 'Mod+Alt+A'),
  'desktop.hangUp': spec('global-os', true, 'Mod+Alt+H'),
  'desktop.mute': spec('global-os', true, 'Mod+Alt+M'),
  'desktop.hold': spec('global-os', true, 'Mod+Alt+O'),

  // Alt+letter in the window, so a trained agent handles a call without the mouse, even typing.
  'call.answer': spec('call', true, 'Alt+A'),
  'call.decline': spec('call', true, 'Alt+D'),
  'call.hangUp': spec('call', true, 'Alt+H'),
  'call.mute': spec('call', true, 'Alt+M'),
  'call.hold': spec('call', true, 'Alt+O'),
  'call.swap': spec('call', true, 'Alt+S'),
  'call.transfer': spec('call', true, 'Alt+T'),
  'call.redial': spec('call', true, 'Alt+R'),
  'call.practice': spec('call', true, 'Alt+P'),

  'nav.agentDesk': spec('app', true, 'Alt+1'),
  'nav.teamLive': spec('app', true, 'Alt+2'),
  'nav.training': spec('app', true, 'Alt+3'),
  'nav.quality': spec('app', true, 'Alt+4'),
  'nav.admin': spec('app', true, 'Alt+5'),
  // L for the list ("lista"): Q, the complaint's own letter, already jumps to its search.
  'nav.complaints': spec('app', true, 'Alt+L'),
  // The case tools drawer: C for complaint, B for call back, W for wrap-up (all free letters).
  'case.complaint': spec('app', true, 'Alt+C'),
  'case.callback': spec('app', true, 'Alt+B'),
  'case.wrapUp': spec('app', true, 'Alt+W'),
  'agent.toggleReady': spec('app', true, 'Alt+E'),
  // The raised hand (U for "hand up"; H is hang-up) and "got it" on a lead's whisper (K for OK).
  'coaching.raiseHand': spec('app', true, 'Alt+U'),
  'coaching.acknowledge': spec('app', true, 'Alt+K'),
  // A lead stops listening from anywhere; never Escape, which closes panes and must not cut audio.
  'monitoring.stop': spec('app', true, 'Alt+X'),
  'help.shortcuts': spec('app', false, '?'),
  // RAC's Modal closes on Escape itself; declared here so the sheet lists it and nothing takes it.
  'app.escape': spec('dialog', true, 'Escape'),

  'search.focus': spec('search', true, 'Mod+K'),
  'search.focusQuick': spec('search', false, '/'),
  'complaints.search': spec('complaints', true, 'Alt+Q'),

  // Focus in the script panel: digits choose (0 is the tenth), Enter goes on, Backspace back.
  'script.choose': spec('script', false, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0'),
  'script.next': spec('script', false, 'Enter'),
  'script.back': spec('script', false, 'Backspace'),

  // From a text area, where Enter alone is a new line.
  'form.submit': spec('case-form', true, 'Mod+Enter')
} as const satisfies Record<string, ShortcutSpec>

export type ShortcutId = keyof typeof table

export interface Shortcut {
  readonly id: ShortcutId
  readonly keys: readonly Chord[]
  readonly context: ShortcutContext
  readonly whileTyping: boolean
  /** The i18n key of what it does, in the renderer's catalogues. */
  readonly description: `shortcuts.actions.${ShortcutId}`
}

const ids = Object.keys(table) as ShortcutId[]

/** Parsed once at load: a malformed chord throws here, not at the first keypress. */
export const shortcuts: readonly Shortcut[] = ids.map((id) => ({
  id,
  keys: table[id].keys.map(parseChord),
  context: table[id].context,
  whileTyping: table[id].whileTyping,
  description: `shortcuts.actions.${id}`
}))

const byId = new Map(shortcuts.map((s) => [s.id, s]))

export function shortcut(id: ShortcutId): Shortcut {
  const found = byId.get(id)
  if (!found) throw new Error(`unknown shortcut ${id}`)
  return found
}

/** Which registry entry each of the desktop's system-wide call actions is. */
export const globalCallShortcutIds: Readonly<Record<CallShortcutAction, ShortcutId>> = {
  answer: 'desktop.answer',
  hangUp: 'desktop.hangUp',
  mute: 'desktop.mute',
  hold: 'desktop.hold'
}
