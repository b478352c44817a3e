import { useTranslation } from 'react-i18next'

import { dateTimeFormat } from '@renderer/i18n/formatters'
import { useCallWhispers } from '../hooks/use-whispers'
import { whisperLine } from '../whisper-text'

/**
 * The lead's messages of one call, kept with the call's record ("Mensajes del supervisor"):
 * nothing when there were none.
 */
export function CallWhispers({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation()
  const whispers = useCallWhispers(callId)
  if (whispers.length === 0) return null
  const time = dateTimeFormat(i18n.language, { timeStyle: 'short' })
  return (
    <div className="call-whispers">
      <h5>{t('coaching.call.heading')}</h5>
      <ul>
        {whispers.map((w) => (
          <li key={w.id}>
            <time dateTime={w.sentAt}>{time.format(new Date(w.sentAt))}</time> · {whisperLine(w, t)}
            {w.acknowledgedAt !== null &&
              ` · ${t('coaching.composer.seen', { time: time.format(new Date(w.acknowledgedAt)) })}`}
          </li>
        ))}
      </ul>
    </div>
  )
}
