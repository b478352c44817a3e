import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { useSoftphone } from '../softphone-context'

const TONES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

/** The DTMF keypad of a connected SIP call and the tones the other side sent. */
export const CallKeypad = memo(function CallKeypad() {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const phase = useAppStore((s) => s.phone.phase)
  const kind = useAppStore((s) => s.phone.call?.kind)
  const digitsReceived = useAppStore((s) => s.phone.digitsReceived)
  const sip = kind === 'sip'
  return (
    <>
      {sip && phase === 'active' && (
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
      {sip && digitsReceived !== '' && (
        <p role="status" aria-label={t('softphone.digitsReceived')} className="digits-received">
          {digitsReceived}
        </p>
      )}
    </>
  )
})
