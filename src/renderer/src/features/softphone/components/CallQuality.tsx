import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { useCallQuality } from '../../devices'

/**
 * The live call's quality: MOS estimate as a meter plus jitter, loss and RTT as text. Only the
 * level word is a live region, so a screen reader hears "poor" when it happens, not every reading.
 */
export const CallQuality = memo(function CallQuality() {
  const { t } = useTranslation()
  const callId = useAppStore((s) => (s.phone.call?.kind === 'sip' ? s.phone.call.id : null))
  const phase = useAppStore((s) => s.phone.phase)
  const inCall = phase === 'active' || phase === 'held' || phase === 'connecting'
  const quality = useCallQuality(inCall ? callId : null)
  if (!inCall || !callId) return null
  return (
    <div
      role="group"
      aria-label={t('media.quality.label')}
      className={`call-quality quality-${quality?.level ?? 'measuring'}`}
    >
      {quality ? (
        <>
          <meter
            min={1}
            max={4.5}
            low={3.6}
            high={4}
            optimum={4.5}
            value={quality.mos}
            aria-label={t('media.quality.meter')}
          />
          <span aria-live="polite">{t(`media.quality.level.${quality.level}`)}</span>{' '}
          <span>{t('media.quality.mos', { value: quality.mos.toFixed(1) })}</span>{' '}
          <small>
            {t('media.quality.jitter', { value: quality.jitterMs })} ·{' '}
            {t('media.quality.loss', { value: quality.lossPercent })} ·{' '}
            {quality.rttMs === null
              ? t('media.quality.rttUnknown')
              : t('media.quality.rtt', { value: quality.rttMs })}
          </small>
        </>
      ) : (
        <span>{t('media.quality.measuring')}</span>
      )}
    </div>
  )
})
