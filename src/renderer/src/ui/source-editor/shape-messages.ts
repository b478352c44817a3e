/**
 * Zod's own words for a shape finding (a number where text is due, a field too long…) in the
 * UI's language, from zod's Spanish locale; a schema's own messages stay as they are written.
 * English is zod's default: nothing to pass.
 */
import type { z } from 'zod'
import { es } from 'zod/locales'

let spanish: z.core.$ZodErrorMap | undefined

export function shapeMessagesFor(language: string): z.core.$ZodErrorMap | undefined {
  if (!language.startsWith('es')) return undefined
  spanish ??= es().localeError
  return spanish
}
