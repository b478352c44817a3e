import { elapsed } from '@renderer/ui/elapsed'

/** How long since `since` (ISO), as the desk shows a raised hand. */
export function elapsedText(since: string, now: Date): string {
  return elapsed(Date.parse(since), now.getTime())
}
