/** How the floor writes times: durations as m:ss (h:mm:ss past an hour), moments as hh:mm. */

export { elapsed } from '@renderer/ui/elapsed'

export function clockTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(ms)
}
