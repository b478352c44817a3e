/**
 * Moves focus to a section's heading when the section opens (a trainee, a session's report),
 * so a keyboard or screen-reader user lands on what they asked for instead of staying on the
 * button, far from it.
 */
import { useEffect, useRef } from 'react'

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
