import { useTranslation } from 'react-i18next'

import type { PauseReason } from '@shared/domain/configuration'

/** The label of a pause reason: the server's once pulled, else the built-in translation. */
export function useReasonLabel(configured: readonly PauseReason[]): (code: string) => string {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  return (code) => {
    const reason = configured.find((r) => r.code === code)
    return reason ? reason.label[language] : t(`agentState.reasons.${code}`, { defaultValue: code })
  }
}
