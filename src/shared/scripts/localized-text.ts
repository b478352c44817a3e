/**
 * Texts a script shows to an agent, one per language. Both languages are optional in the schema
 * so the validator can name the missing translation instead of failing on a shape error.
 */
import { z } from 'zod'

import { languages, type Language } from '../domain/customer'

export const localizedTextSchema = z
  .strictObject({
    es: z.string().trim().min(1).max(4000).optional(),
    en: z.string().trim().min(1).max(4000).optional()
  })
  .refine((t) => t.es !== undefined || t.en !== undefined, 'a text needs at least one language')

export type LocalizedText = z.infer<typeof localizedTextSchema>

/** The text in `language`; falls back to another language so a gap never shows an empty step. */
export function pickText(text: LocalizedText, language: Language): string {
  const wanted = text[language]
  if (wanted !== undefined) return wanted
  for (const other of languages) {
    const found = text[other]
    if (found !== undefined) return found
  }
  return ''
}

/** Languages a text lacks, for the validator's missing-translation check. */
export function missingLanguages(text: LocalizedText): Language[] {
  return languages.filter((l) => text[l] === undefined)
}
