import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

/**
 * The width an element has on screen, followed as the window or the panel resizes: recharts
 * draws at a pixel width, and the figures' columns change with the workspace. `fallback` is the
 * width before the first measure (and in static renders).
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const next = Math.floor(element.getBoundingClientRect().width)
      if (next > 0) setWidth(next)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => {
      observer.disconnect()
    }
  }, [])
  return [ref, width]
}
