import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { callShortcuts } from '../hooks/useCallShortcuts'
import { useSoftphone } from '../softphone-context'
import { TransferControls } from './TransferControls'

const TONES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

/** Mute, hold, transfer and the DTMF keypad, for calls that offer them (real SIP calls). */
export const InCallControls = memo(function InCallControls() {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const phase = useAppStore((s) => s.phone.phase)
  const isMuted = useAppStore((s) => s.phone.isMuted)
  const kind = useAppStore((s) => s.phone.call?.kind)
  const digitsReceived = useAppStore((s) => s.phone.digitsReceived)
  const canTransfer = useAppStore((s) => s.phone.consultFor !== null || s.phone.lines.length === 0)
  if (kind !== 'sip' || (phase !== 'active' && phase !== 'held')) return null
  return (
    <>
      <div className="call-controls">
        <button
          type="button"
          aria-pressed={isMuted}
          onClick={() => {
            calls.toggleMute()
          }}
          aria-keyshortcuts={callShortcuts.mute}
        >
          {t('softphone.mute')}
        </button>
        <button
          type="button"
          aria-pressed={phase === 'held'}
          onClick={() => {
            calls.toggleHold()
          }}
          aria-keyshortcuts={callShortcuts.hold}
        >
          {t('softphone.hold')}
        </button>
        {canTransfer && <TransferControls />}
      </div>
      {phase === 'active' && (
        <div role="group" aria-label={t('softphone.dtmf')} className="keypad">
          {TONES.map((tone) => (
            <button
              key={tone}
              type="button"
              aria-label={t('softphone.digit', { digit: tone })}
              onClick={() => {
                calls.sendDigit(tone)
              }}
            >
              {tone}
            </button>
          ))}
        </div>
      )}
      {digitsReceived !== '' && (
        <p role="status" aria-label={t('softphone.digitsReceived')} className="digits-received">
          {digitsReceived}
        </p>
      )}
      <p className="hint">{t('softphone.callShortcuts')}</p>
    </>
  )
})
