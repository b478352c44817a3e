import type { TFunction } from 'i18next'

import { complaintCategories } from '@shared/domain/complaint'
import type { ComplaintCategoryConfig } from '@shared/domain/configuration'

/** The user's language as the configuration labels it (Spanish unless English). */
export function labelLanguage(language: string): 'es' | 'en' {
  return language.startsWith('en') ? 'en' : 'es'
}

/**
 * A category's name: the configured label, else the built-in translation, else the code (a
 * category configured after this build, before its configuration arrived).
 */
export function categoryLabel(
  code: string,
  configured: readonly ComplaintCategoryConfig[],
  t: TFunction,
  language: string
): string {
  const found = configured.find((c) => c.code === code)
  if (found) return found.label[labelLanguage(language)]
  const builtIn = complaintCategories.find((c) => c === code)
  return builtIn ? t(`complaints.categories.${builtIn}`) : code
}
