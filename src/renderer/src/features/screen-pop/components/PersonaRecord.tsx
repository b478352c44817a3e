import { useTranslation } from 'react-i18next'

import type { Persona } from '@shared/practice'
import { pickText } from '@shared/scripts/localized-text'
import { categoryLabel, useComplaintCategories } from '../../complaints'
import { show } from './show'

/**
 * A practice persona's open complaints and history, from its scenario: what the cache would hold
 * for a real customer (the cache never holds a persona).
 */
export function PersonaRecord({ persona }: { persona: Persona }) {
  const { t, i18n } = useTranslation()
  const configured = useComplaintCategories()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  return (
    <>
      <section aria-label={t('card.openComplaints')}>
        <h4>{t('card.openComplaints')}</h4>
        {persona.openComplaints.length === 0 ? (
          <p className="muted">{t('card.noOpenComplaints')}</p>
        ) : (
          <ul className="card-complaints">
            {persona.openComplaints.map((c) => (
              <li key={c.id}>
                {categoryLabel(c.category, configured, t, i18n.language)}:{' '}
                {show(pickText(c.summary, language), 80)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {persona.history.length > 0 && (
        <section aria-label={t('card.practiceHistory')}>
          <h4>{t('card.practiceHistory')}</h4>
          <ul className="card-complaints">
            {persona.history.map((h) => (
              <li key={`${h.date}-${h.channel}`}>
                <span className="numeric">{h.date}</span> · {t(`complaints.channels.${h.channel}`)}:{' '}
                {show(pickText(h.summary, language), 120)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
