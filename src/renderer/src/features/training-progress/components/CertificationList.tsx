import { useTranslation } from 'react-i18next'

import type { Certification } from '@shared/practice/progress-api'
import { formatPercent } from '../../evaluation-figures'
import { formatDateTime, scenarioTitle } from '../progress-labels'
import { CertificationCell } from './CertificationCell'

/** One trainee's certification on each scenario: certified (and when), or how far along. */
export function CertificationList({
  certifications,
  heading,
  headingId
}: {
  certifications: readonly Certification[]
  heading: string
  headingId: string
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <section className="progress-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {certifications.length === 0 ? (
        <p className="muted">{t('trainingProgress.certifications.none')}</p>
      ) : (
        <table className="analytics-table progress-certifications">
          <caption className="visually-hidden">
            {t('trainingProgress.certifications.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('trainingProgress.certifications.scenario')}</th>
              <th scope="col">{t('trainingProgress.certifications.state')}</th>
              <th scope="col" className="numeric">
                {t('trainingProgress.certifications.best')}
              </th>
            </tr>
          </thead>
          <tbody>
            {certifications.map((c) => (
              <tr key={c.scenarioId}>
                <th scope="row">
                  {scenarioTitle(c.scenarioTitle, lang)}{' '}
                  <span className="muted">
                    {t('trainingProgress.certifications.version', { version: c.currentVersion })}
                  </span>
                </th>
                <td>
                  {c.certified ? (
                    <>
                      <CertificationCell certification={c} />
                      {c.certifiedAt !== null && (
                        <span className="muted">
                          {' · '}
                          {t('trainingProgress.certifications.certifiedOn', {
                            date: formatDateTime(c.certifiedAt, lang)
                          })}
                        </span>
                      )}
                    </>
                  ) : (
                    t('trainingProgress.certifications.progress', {
                      passes: c.passes,
                      required: c.required
                    })
                  )}
                </td>
                <td className="numeric">{formatPercent(c.best, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
