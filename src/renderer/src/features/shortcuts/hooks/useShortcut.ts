import { useEffect, useRef, type RefObject } from 'react'

import type { ShortcutId } from '@shared/keyboard'
import {
  createShortcutDispatcher,
  type ShortcutDispatcher,
  type ShortcutHandler
} from '../dispatcher'
import { currentPlatform } from '../platform'

export interface ShortcutOptions {
  /** Off while false (a view that is mounted but not in front). */
  readonly enabled?: boolean
  /** Only while the focus is inside this element (the script panel). */
  readonly within?: RefObject<HTMLElement | null>
}

let windowDispatcher: ShortcutDispatcher<KeyboardEvent> | undefined

/** The window's one dispatcher, made on first use so importing this file touches no DOM. */
function dispatcher(): ShortcutDispatcher<KeyboardEvent> {
  windowDispatcher ??= createShortcutDispatcher<KeyboardEvent>(window, currentPlatform)
  return windowDispatcher
}

/**
 * Runs `handler` when the registry's shortcut `id` is pressed in its context: outside text
 * fields unless the registry says it fires while typing, and only inside `within` when given.
 * The handler may change on every render without rebinding.
 */
export function useShortcut(
  id: ShortcutId,
  handler: ShortcutHandler<KeyboardEvent>,
  options: ShortcutOptions = {}
): void {
  const { enabled = true, within } = options
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    if (!enabled) return
    const region = within ? { within: () => within.current } : {}
    return dispatcher().bind(id, (event) => latest.current(event), region)
  }, [id, enabled, within])
}
