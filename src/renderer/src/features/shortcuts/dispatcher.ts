/**
 * One keydown listener for every in-window shortcut: a keypress is looked up in the registry
 * (src/shared/keyboard), so the sheet, the collision test and what the keys do cannot drift apart.
 */
import {
  matchesChord,
  shortcut,
  type KeyStroke,
  type Platform,
  type ShortcutId
} from '@shared/keyboard'

/** What the dispatcher reads of a key event (a DOM KeyboardEvent fits; tests pass plain objects). */
export interface ShortcutEvent extends KeyStroke {
  readonly target: unknown
  readonly defaultPrevented: boolean
  readonly isComposing?: boolean
  preventDefault(): void
}

/** Return false when the keypress is not for this handler after all; it then goes on unclaimed. */
export type ShortcutHandler<E extends ShortcutEvent = ShortcutEvent> = (event: E) => unknown

export interface BindOptions {
  /** The shortcut's context is focus inside this element (the script panel). */
  readonly within?: () => Pick<Node, 'contains'> | null
}

interface KeyTarget<E> {
  addEventListener(type: 'keydown', listener: (event: E) => void): void
  removeEventListener(type: 'keydown', listener: (event: E) => void): void
}

interface Binding<E extends ShortcutEvent> {
  readonly id: ShortcutId
  readonly handler: ShortcutHandler<E>
  readonly options: BindOptions
}

/**
 * True when a key typed now belongs to a field: any input (a radio or a checkbox too, as the
 * script panel always had it), a text area, a select, or editable content.
 */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false
  const element = target as { tagName?: unknown; isContentEditable?: unknown }
  return (
    element.isContentEditable === true ||
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT'
  )
}

/** Whether this event is one of the shortcut's chords, ignoring where the focus is. */
export function isShortcut(id: ShortcutId, stroke: KeyStroke, platform: Platform): boolean {
  return shortcut(id).keys.some((chord) => matchesChord(chord, stroke, platform))
}

export interface ShortcutDispatcher<E extends ShortcutEvent> {
  bind(id: ShortcutId, handler: ShortcutHandler<E>, options?: BindOptions): () => void
}

/**
 * Listens on `target` while at least one shortcut is bound. The newest binding of a keypress
 * wins (a view mounted later is the one in front); the first that handles it prevents the default.
 */
export function createShortcutDispatcher<E extends ShortcutEvent>(
  target: KeyTarget<E>,
  platform: () => Platform
): ShortcutDispatcher<E> {
  const bindings: Binding<E>[] = []
  const applies = (binding: Binding<E>, event: E): boolean => {
    const definition = shortcut(binding.id)
    if (!definition.whileTyping && isTypingTarget(event.target)) return false
    const region = binding.options.within?.()
    if (binding.options.within && !region?.contains(event.target as Node | null)) return false
    return definition.keys.some((chord) => matchesChord(chord, event, platform()))
  }
  const onKeyDown = (event: E) => {
    // A widget that already used the key (a list's arrows, a field's Escape) keeps it.
    if (event.defaultPrevented || event.isComposing === true) return
    for (const binding of [...bindings].reverse()) {
      if (!applies(binding, event)) continue
      if (binding.handler(event) === false) continue
      event.preventDefault()
      return
    }
  }
  return {
    bind(id, handler, options = {}) {
      const binding: Binding<E> = { id, handler, options }
      if (bindings.length === 0) target.addEventListener('keydown', onKeyDown)
      bindings.push(binding)
      return () => {
        const index = bindings.indexOf(binding)
        if (index === -1) return
        bindings.splice(index, 1)
        if (bindings.length === 0) target.removeEventListener('keydown', onKeyDown)
      }
    }
  }
}
