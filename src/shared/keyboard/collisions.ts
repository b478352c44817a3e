import { chordText, sameKeypress, type Chord, type Platform } from './chord'
import { canBeActiveTogether, type ShortcutContext } from './contexts'
import type { ShortcutId } from './registry'

/** What the finder needs of a shortcut (the registry's entries, or a test's own). */
export interface Declared<Id extends string = ShortcutId> {
  readonly id: Id
  readonly keys: readonly Chord[]
  readonly context: ShortcutContext
}

export interface Collision<Id extends string = ShortcutId> {
  readonly first: Id
  readonly second: Id
  readonly chord: string
  readonly platform: Platform
}

/**
 * Pairs of shortcuts one keypress would fire at once on this platform. A global OS accelerator
 * counts as active everywhere: it takes the keypress before the window sees it, so an in-window
 * shortcut on the same chord would never fire.
 */
export function findCollisions<Id extends string>(
  list: readonly Declared<Id>[],
  platform: Platform
): Collision<Id>[] {
  const found: Collision<Id>[] = []
  list.forEach((a, i) => {
    for (const b of list.slice(i)) {
      if (!canBeActiveTogether(a.context, b.context)) continue
      a.keys.forEach((ka, ki) => {
        // Within one shortcut, compare each chord with the later ones only.
        const others = a === b ? b.keys.slice(ki + 1) : b.keys
        for (const kb of others) {
          if (sameKeypress(ka, kb, platform)) {
            found.push({ first: a.id, second: b.id, chord: chordText(ka), platform })
          }
        }
      })
    }
  })
  return found
}
