/**
 * A key chord in one normalised form, shared by the window's shortcuts, the desktop's global
 * accelerators and the shortcut sheet. `Mod` is the platform's command key: Ctrl on Windows and
 * Linux, ⌘ on macOS, so one declaration serves both.
 */

export const modifiers = ['Mod', 'Ctrl', 'Meta', 'Alt', 'Shift'] as const
export type Modifier = (typeof modifiers)[number]

/** Keys named by their `KeyboardEvent.key` value (the rest are letters, digits and symbols). */
export const namedKeys = [
  'Enter',
  'Escape',
  'Backspace',
  'Tab',
  'Space',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight'
] as const
export type NamedKey = (typeof namedKeys)[number]

export type Platform = 'mac' | 'other'

export interface Chord {
  /** Modifiers in canonical order (`modifiers` above), each at most once. */
  readonly modifiers: readonly Modifier[]
  /** 'A'–'Z', '0'–'9', a named key, or one printed symbol such as '/' or '?'. */
  readonly key: string
}

/** The physical modifier state a chord asks for on one platform. */
export interface ModifierState {
  readonly ctrl: boolean
  readonly meta: boolean
  readonly alt: boolean
  readonly shift: boolean
}

/** What a key event carries that a chord is matched against (a DOM KeyboardEvent fits). */
export interface KeyStroke extends Readonly<
  Record<`${'ctrl' | 'meta' | 'alt' | 'shift'}Key`, boolean>
> {
  readonly key: string
  readonly code: string
}

const isLetter = (key: string): boolean => /^[A-Z]$/.test(key)
const isDigit = (key: string): boolean => /^[0-9]$/.test(key)
const isNamed = (key: string): key is NamedKey => (namedKeys as readonly string[]).includes(key)
/** A printed symbol: which physical key (and whether Shift) makes it depends on the layout. */
const isSymbol = (key: string): boolean =>
  key.length === 1 && !isLetter(key) && !isDigit(key) && !/\s/.test(key)

/**
 * Parses 'Mod+Alt+A', '?', 'Mod+Enter' into a normalised chord; throws on anything else, so a
 * typo in the registry fails at load (and in its unit test), never silently at a keypress.
 */
export function parseChord(text: string): Chord {
  // The last part is the key, so '+' itself could be one ('Mod++'); split before it.
  const plus = text.length > 1 ? text.lastIndexOf('+', text.length - 2) : -1
  const key = plus === -1 ? text : text.slice(plus + 1)
  const parts = plus === -1 ? [] : text.slice(0, plus).split('+')
  const found = new Set<Modifier>()
  for (const part of parts) {
    const modifier = modifiers.find((m) => m === part)
    if (!modifier || found.has(modifier)) throw new Error(`bad modifier "${part}" in "${text}"`)
    found.add(modifier)
  }
  const normalisedKey = /^[a-z]$/.test(key) ? key.toUpperCase() : key
  if (!isLetter(normalisedKey) && !isDigit(normalisedKey) && !isNamed(normalisedKey)) {
    if (!isSymbol(normalisedKey)) throw new Error(`bad key "${key}" in "${text}"`)
    // '?' is Shift+/ on a US keyboard and Shift+' on a Spanish one: the symbol is the chord.
    if (found.has('Shift')) throw new Error(`a symbol carries its own Shift: "${text}"`)
  }
  if (found.has('Mod') && (found.has('Ctrl') || found.has('Meta'))) {
    throw new Error(`Mod is already Ctrl or Meta: "${text}"`)
  }
  return { modifiers: modifiers.filter((m) => found.has(m)), key: normalisedKey }
}

export function chordText(chord: Chord): string {
  return [...chord.modifiers, chord.key].join('+')
}

export function modifierState(chord: Chord, platform: Platform): ModifierState {
  const has = (m: Modifier) => chord.modifiers.includes(m)
  return {
    ctrl: has('Ctrl') || (has('Mod') && platform === 'other'),
    meta: has('Meta') || (has('Mod') && platform === 'mac'),
    alt: has('Alt'),
    shift: has('Shift')
  }
}

/** True when both chords are the same keypress on this platform (Mod+K is Ctrl+K off a Mac). */
export function sameKeypress(a: Chord, b: Chord, platform: Platform): boolean {
  const ma = modifierState(a, platform)
  const mb = modifierState(b, platform)
  return (
    a.key === b.key &&
    ma.ctrl === mb.ctrl &&
    ma.meta === mb.meta &&
    ma.alt === mb.alt &&
    ma.shift === mb.shift
  )
}

/**
 * Whether a key event is this chord. Letters and digits held with Alt match the physical key
 * (`code`): Option on a Mac, and AltGr elsewhere, change the character `key` reports. Otherwise the
 * printed character counts, so Ctrl+K is the key labelled K whatever the layout. A symbol ignores
 * Shift, which the layout may need to print it.
 */
export function matchesChord(chord: Chord, stroke: KeyStroke, platform: Platform): boolean {
  const wanted = modifierState(chord, platform)
  if (stroke.ctrlKey !== wanted.ctrl || stroke.metaKey !== wanted.meta) return false
  if (stroke.altKey !== wanted.alt) return false
  const { key } = chord
  if (isSymbol(key)) return stroke.key === key
  if (stroke.shiftKey !== wanted.shift) return false
  if (isLetter(key)) {
    return wanted.alt ? stroke.code === `Key${key}` : stroke.key.toUpperCase() === key
  }
  if (isDigit(key)) return wanted.alt ? stroke.code === `Digit${key}` : stroke.key === key
  return stroke.key === (key === 'Space' ? ' ' : key)
}

const ariaModifier: Record<keyof ModifierState, string> = {
  ctrl: 'Control',
  meta: 'Meta',
  alt: 'Alt',
  shift: 'Shift'
}

/** Symbols typed with Shift on a US keyboard, the layout `aria-keyshortcuts` examples assume. */
const usShifted = new Set('~!@#$%^&*()_+{}|:"<>?')

/**
 * The chord as `aria-keyshortcuts` spells it: 'Alt+M', 'Control+Enter' ('Meta+Enter' on a Mac),
 * and 'Shift+?' (ARIA names the keys pressed, and on a US keyboard `?` takes Shift).
 */
export function ariaChord(chord: Chord, platform: Platform): string {
  const state = modifierState(chord, platform)
  const shift = state.shift || usShifted.has(chord.key)
  const held = { ...state, shift }
  const order = ['ctrl', 'meta', 'alt', 'shift'] as const
  return [...order.filter((m) => held[m]).map((m) => ariaModifier[m]), chord.key].join('+')
}

const electronKeys: Partial<Record<NamedKey, string>> = {
  Escape: 'Esc',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right'
}

const electronModifiers: Record<Modifier, string> = {
  Mod: 'CommandOrControl',
  Ctrl: 'Control',
  Meta: 'Super',
  Alt: 'Alt',
  Shift: 'Shift'
}

/** The chord as Electron's `globalShortcut` accelerator: 'Mod+Alt+A' → 'CommandOrControl+Alt+A'. */
export function electronAccelerator(chord: Chord): string {
  const key = isNamed(chord.key) ? (electronKeys[chord.key] ?? chord.key) : chord.key
  return [...chord.modifiers.map((m) => electronModifiers[m]), key].join('+')
}

/** One key cap of a chord as shown to a person; `name` ones are translated by the renderer. */
export type KeyCap = { readonly name: KeyCapName } | { readonly text: string }
export type KeyCapName = 'ctrl' | 'cmd' | 'alt' | 'option' | 'shift' | 'meta' | NamedKey

/** The key caps to show, in the order people press them (⌘ and ⌥ on a Mac). */
export function keyCaps(chord: Chord, platform: Platform): readonly KeyCap[] {
  const state = modifierState(chord, platform)
  const mac = platform === 'mac'
  const caps: KeyCap[] = []
  if (state.ctrl) caps.push({ name: 'ctrl' })
  if (state.alt) caps.push({ name: mac ? 'option' : 'alt' })
  if (state.shift) caps.push({ name: 'shift' })
  if (state.meta) caps.push({ name: mac ? 'cmd' : 'meta' })
  caps.push(isNamed(chord.key) ? { name: chord.key } : { text: chord.key })
  return caps
}
