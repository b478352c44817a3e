import { Check } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { Certification } from '@shared/practice/progress-api'
import { formatPercent } from '../../evaluation-figures'

/**
 * One trainee's standing on one scenario, in words and not colour alone: "✓ Certificado", or
 * the counting passes over those required with the best percent ("2/3 · mejor 85,0 %").
 */
export function CertificationCell({
  certification
}: {
  certification: Pick<Certification, 'certified' | 'passes' | 'required' | 'best'> | undefined
}) {
  const { t, i18n } = useTranslation()
  if (certification?.certified) {
    return (
      <span className="progress-certified">
        <Check size={14} aria-hidden="true" /> {t('trainingProgress.grid.certified')}
      </span>
    )
  }
  if (!certification || (certification.passes === 0 && certification.best === null)) {
    return <span className="muted">{t('trainingProgress.grid.noSession')}</span>
  }
  return (
    <span>
      {t('trainingProgress.grid.passes', {
        passes: certification.passes,
        required: certification.required
      })}
      {certification.best !== null && (
        <span className="muted">
          {' · '}
          {t('trainingProgress.grid.best', {
            percent: formatPercent(certification.best, i18n.language)
          })}
        </span>
      )}
    </span>
  )
}
