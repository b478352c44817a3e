/** Who is being scored and which call: "Ana Ortiz · 06/12/26 10:42", or the call still live. */
import { useTranslation } from 'react-i18next'

import type { ScoringTarget } from '../scoring-target'
import { dateTimeText, nameText } from '../score-text'

export function ScoringSubject({ target }: { target: ScoringTarget }) {
  const { t, i18n } = useTranslation()
  return (
    <p className="eval-subject-line">
      <strong>{nameText(target.agentName)}</strong>
      {target.at !== null ? (
        <span className="muted">
          {' · '}
          {t('evaluations.scoring.callAt', { time: dateTimeText(target.at, i18n.language) })}
        </span>
      ) : (
        target.interactionId === null && (
          <span className="muted">
            {' · '}
            {t('evaluations.scoring.liveCall')}
          </span>
        )
      )}
      {target.practice && <span className="badge">{t('evaluations.scoring.practice')}</span>}
    </p>
  )
}
