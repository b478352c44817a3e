import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { RegistrationState } from '@renderer/telephony/sip-user-agent'

/** The SIP registration, always in view: an agent must know whether calls can reach them. */
export const LineStatus = memo(function LineStatus() {
  const { t } = useTranslation()
  const line = useAppStore((s) => s.phone.line)
  const text =
    line.state === RegistrationState.Unregistered
      ? t('softphone.line.unregistered', { reason: sanitizeDisplayText(line.reason ?? '', 120) })
      : t(`softphone.line.${line.state}`)
  return (
    <p role="status" aria-label={t('softphone.line.label')} className={`line line-${line.state}`}>
      {text}
    </p>
  )
})
