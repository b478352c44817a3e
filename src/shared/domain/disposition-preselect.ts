/**
 * Which configured disposition a script suggests. A script's end outcome or `set_disposition`
 * code is a slug of the script's own (`complaint-logged`, `callback`); the configured codes are
 * the center's (`complaint_filed`, `callback_scheduled`). The match is exact, then with hyphens
 * read as underscores, then by the first word when exactly one active code shares it; anything
 * vaguer suggests nothing and the agent chooses.
 */
import type { DispositionCode } from './configuration'

const firstWord = (code: string): string => code.split('_')[0] ?? code

export function dispositionFromOutcome(
  outcome: string,
  codes: readonly DispositionCode[]
): string | null {
  const active = codes.filter((c) => c.active)
  const normalized = outcome.trim().toLowerCase().replace(/-/g, '_')
  if (normalized === '') return null
  const exact = active.find((c) => c.code === outcome || c.code === normalized)
  if (exact) return exact.code
  const word = firstWord(normalized)
  const sharing = active.filter((c) => firstWord(c.code) === word)
  return sharing.length === 1 && sharing[0] ? sharing[0].code : null
}
