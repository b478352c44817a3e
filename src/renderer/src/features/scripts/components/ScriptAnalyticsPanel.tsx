import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { pickText } from '@shared/scripts/localized-text'
import type { ScriptAnalyticsReport } from '@shared/scripts/run-analytics'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { scriptCatalog } from '../bundled-scripts'

/**
 * Where a script works and where agents drop off, for leads (their team), trainers (practice
 * runs) and admins: completion, outcomes, per step the drop-off and the median time, and per
 * offer step how many offers were made and taken.
 */
export function ScriptAnalyticsPanel() {
  const { t, i18n } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role)
  const { scripts } = scriptCatalog()
  const [scriptId, setScriptId] = useState(() => [...scripts.keys()][0] ?? '')
  const [practice, setPractice] = useState(false)
  const [report, setReport] = useState<ScriptAnalyticsReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (role !== 'team_lead' && role !== 'trainer' && role !== 'admin') return null

  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  const script = scripts.get(scriptId)
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' })
  const stepLabel = (nodeId: string): string => {
    const node = script?.nodes.find((n) => n.id === nodeId)
    const title = node?.title ? pickText(node.title, language) : null
    return sanitizeDisplayText(title ?? nodeId, 80)
  }
  const outcomeLabel = (code: string): string => {
    const d = script?.dispositions.find((x) => x.code === code)
    return sanitizeDisplayText(d ? pickText(d.label, language) : code, 80)
  }

  const load = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const client = dataClient()
    if (!client || !script) return
    const result = await client.send('script:analytics', {
      scriptId,
      version: script.version,
      // A trainer's figures are practice figures; the server enforces it too.
      practice: role === 'trainer' || practice
    })
    if (result.ok) {
      setReport(result.data.report)
      setError(null)
    } else {
      setReport(null)
      setError(result.error.message)
    }
  }

  return (
    <section className="panel script-analytics" aria-labelledby="script-analytics-heading">
      <h2 id="script-analytics-heading">{t('scripts.analytics.heading')}</h2>
      <form onSubmit={(e) => void load(e)}>
        <label>
          {t('scripts.analytics.script')}
          <select
            value={scriptId}
            onChange={(e) => {
              setScriptId(e.target.value)
            }}
          >
            {[...scripts.values()].map((s) => (
              <option key={s.id} value={s.id}>
                {t('scripts.analytics.version', {
                  title: pickText(s.title, language),
                  version: s.version
                })}
              </option>
            ))}
          </select>
        </label>
        {role !== 'trainer' && (
          <label>
            <input
              type="checkbox"
              checked={practice}
              onChange={(e) => {
                setPractice(e.target.checked)
              }}
            />
            {t('scripts.analytics.practice')}
          </label>
        )}
        <button type="submit">{t('scripts.analytics.show')}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <section aria-label={t('scripts.analytics.results')}>
          <p>
            {t('scripts.analytics.summary', {
              runs: report.runs,
              completion: percent.format(report.completionRate),
              abandoned: report.abandoned
            })}
          </p>
          {report.outcomes.length > 0 && (
            <ul aria-label={t('scripts.analytics.outcomes')}>
              {report.outcomes.map((o) => (
                <li key={o.code}>
                  {outcomeLabel(o.code)}: {o.runs}
                </li>
              ))}
            </ul>
          )}
          <table className="analytics-table">
            <caption>{t('scripts.analytics.perStep')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scripts.analytics.step')}</th>
                <th scope="col">{t('scripts.analytics.runs')}</th>
                <th scope="col">{t('scripts.analytics.dropOff')}</th>
                <th scope="col">{t('scripts.analytics.medianTime')}</th>
              </tr>
            </thead>
            <tbody>
              {report.nodes.map((n) => (
                <tr key={n.nodeId}>
                  <th scope="row">{stepLabel(n.nodeId)}</th>
                  <td>{n.runs}</td>
                  <td>
                    <meter min={0} max={1} value={n.dropOffRate} aria-hidden="true" />{' '}
                    {t('scripts.analytics.dropOffValue', {
                      count: n.dropOffs,
                      rate: percent.format(n.dropOffRate)
                    })}
                  </td>
                  <td>
                    {t('scripts.analytics.seconds', { seconds: Math.round(n.medianSeconds) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.offers.length > 0 && (
            <table className="analytics-table">
              <caption>{t('scripts.analytics.offers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scripts.analytics.step')}</th>
                  <th scope="col">{t('scripts.analytics.offersMade')}</th>
                  <th scope="col">{t('scripts.analytics.accepted')}</th>
                  <th scope="col">{t('scripts.analytics.declined')}</th>
                  <th scope="col">{t('scripts.analytics.acceptanceRate')}</th>
                </tr>
              </thead>
              <tbody>
                {report.offers.map((o) => (
                  <tr key={o.nodeId}>
                    <th scope="row">{stepLabel(o.nodeId)}</th>
                    <td>{o.offers}</td>
                    <td>{o.accepted}</td>
                    <td>{o.declined}</td>
                    <td>{percent.format(o.acceptanceRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  )
}
