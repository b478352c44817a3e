import type { RefObject } from 'react'

import { useShortcut } from '../../shortcuts'

/** Ctrl+K (⌘K) anywhere, or `/` outside a field, focuses the search box (src/shared/keyboard). */
export function useSearchShortcut(input: RefObject<HTMLInputElement | null>): void {
  const focus = () => {
    input.current?.focus()
    input.current?.select()
  }
  useShortcut('search.focus', focus)
  useShortcut('search.focusQuick', focus)
}
