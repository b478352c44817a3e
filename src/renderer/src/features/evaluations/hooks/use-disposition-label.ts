/** A disposition code's configured label in the person's language (the code itself when unknown). */
import type { ConfigurationSnapshot } from '@shared/contract/worker'
import { useConfiguration } from '@renderer/data/use-configuration'

import { formLanguage } from '../score-text'

const dispositionCodes = (c: ConfigurationSnapshot) => c.dispositionCodes

export function useDispositionLabel(language: string): (code: string) => string {
  const codes = useConfiguration('disposition_code', dispositionCodes)
  const lang = formLanguage(language)
  return (code) => codes.find((c) => c.code === code)?.label[lang] ?? code
}
