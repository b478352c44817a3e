import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'

import { useAppStore } from '@renderer/stores/app-store'
import { CallState } from '@renderer/telephony/call-session'
import { callerLabel } from '../caller-label'
import { ariaKeyShortcuts } from '../../shortcuts'
import { useSoftphone } from '../softphone-context'

/**
 * The agent's other calls: a call waiting (announced, with its caller ID, answer and decline),
 * and held or transferring calls (switch to, hang up).
 */
export const OtherLines = memo(function OtherLines() {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const lines = useAppStore(useShallow((s) => s.phone.lines))
  if (lines.length === 0) return null
  return (
    <section className="other-lines" aria-label={t('softphone.lines.label')}>
      <ul>
        {lines.map(({ info, state }) => {
          const caller = callerLabel(info, t)
          if (state === CallState.Ringing) {
            return (
              <li key={info.id} className="call-waiting">
                <p role="alert">{t('softphone.lines.waiting', { caller })}</p>
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    calls.answerCall()
                  }}
                  aria-keyshortcuts={ariaKeyShortcuts('call.answer')}
                >
                  {t('softphone.lines.answerWaiting')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    calls.declineCall()
                  }}
                  aria-keyshortcuts={ariaKeyShortcuts('call.decline')}
                >
                  {t('softphone.lines.declineWaiting')}
                </button>
              </li>
            )
          }
          return (
            <li key={info.id} aria-label={caller}>
              <span>{caller}</span> <span>{t(`softphone.lines.state.${state}`)}</span>
              {state === CallState.Held && (
                <button
                  type="button"
                  onClick={() => {
                    calls.pickLine(info.id)
                  }}
                  aria-keyshortcuts={ariaKeyShortcuts('call.swap')}
                >
                  {t('softphone.lines.swapTo', { caller })}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  calls.hangUpLine(info.id)
                }}
              >
                {t('softphone.lines.hangUp', { caller })}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
})
