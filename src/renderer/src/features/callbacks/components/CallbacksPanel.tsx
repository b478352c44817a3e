import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalCallback } from '@shared/contract/worker'
import { callbackDueState } from '@shared/domain/callback-due'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { RegistrationState } from '@renderer/telephony/sip-user-agent'
import { useNow } from '@renderer/hooks/useNow'
import { useSoftphone } from '../../softphone'
import { callBack, completeCallback } from '../commands'
import { useMyCallbacks } from '../hooks/use-my-callbacks'
import { CallbackReminder } from './CallbackReminder'

const REFRESH_MS = 15_000

function CallbackItem({ callback, now }: { callback: LocalCallback; now: Date }) {
  const { t, i18n } = useTranslation()
  const { line } = useSoftphone()
  const [error, setError] = useState<string | null>(null)
  const canCall = useAppStore(
    (s) => s.phone.phase === 'idle' && s.phone.line.state === RegistrationState.Registered
  )
  const who = sanitizeDisplayText(callback.contactName || callback.phoneE164, 80)
  const state = callbackDueState(callback, now)
  const when = new Date(callback.dueAt).toLocaleString(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short'
  })
  return (
    <li className={`callback due-${state}`} aria-label={who}>
      <strong>{who}</strong> <span>{sanitizeDisplayText(callback.phoneE164, 40)}</span>{' '}
      <span className={`badge due-${state}`}>{t(`callbacks.dueStates.${state}`)}</span>
      {callback.practice && <span className="badge">{t('softphone.practiceBadge')}</span>}
      {callback.syncState !== 'synced' && (
        <span className="badge">{t(`callbacks.sync.${callback.syncState}`)}</span>
      )}
      <div className="muted">{when}</div>
      {callback.note && <p>{sanitizeDisplayText(callback.note, 300)}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={!canCall || callback.practice}
          aria-label={t('callbacks.callNow', { who })}
          onClick={() => {
            callBack(callback, line)
          }}
        >
          {t('callbacks.call')}
        </button>
        <button
          type="button"
          aria-label={t('callbacks.markDone', { who })}
          onClick={() => {
            void completeCallback(callback.id).then(setError)
          }}
        >
          {t('callbacks.done')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  )
}

/** "My callbacks": the open ones assigned to me, soonest first (the form is a case tool). */
export function CallbacksPanel() {
  const { t } = useTranslation()
  const callbacks = useMyCallbacks()
  const now = useNow(REFRESH_MS)
  return (
    <section className="panel callbacks" aria-labelledby="callbacks-heading">
      <h2 id="callbacks-heading">{t('callbacks.heading')}</h2>
      <CallbackReminder callbacks={callbacks} now={now} />
      {callbacks.length === 0 ? (
        <p className="muted">{t('callbacks.none')}</p>
      ) : (
        <ul aria-label={t('callbacks.listLabel')} className="callback-list">
          {callbacks.map((c) => (
            <CallbackItem key={c.id} callback={c} now={now} />
          ))}
        </ul>
      )}
    </section>
  )
}
