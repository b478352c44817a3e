import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { ComplaintAnalysisReport } from '@shared/domain/complaint-analysis'
import { qualityDimensions } from '@shared/domain/quality-dimensions'
import { sanitizeDisplayText } from '@shared/domain/text'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { Team } from '@shared/domain/configuration'
import { useWorkerQuery } from '@renderer/data/use-worker-query'
import { categoryLabel, useComplaintCategories } from '../../complaints'
import { AnalysisFigures } from './AnalysisFigures'
import { ParetoChart } from './ParetoChart'

const DAY_MS = 86_400_000

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * What leads (their team) and admins (every team, or one) learn from complaints over a period:
 * Pareto by category and by quality dimension, SLA compliance, recovery, compensation given.
 * The server counts; the period's last day is included.
 */
export function ComplaintAnalysisPanel() {
  const { t, i18n } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role)
  const configured = useComplaintCategories()
  const teams = useWorkerQuery<Team[]>(
    [],
    ['team'],
    async () => {
      const result = await dataClient()?.send('config:get', {})
      return result?.ok ? result.data.teams : null
    },
    []
  )
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * DAY_MS)))
  const [to, setTo] = useState(() => isoDay(new Date()))
  const [teamId, setTeamId] = useState('')
  const [report, setReport] = useState<ComplaintAnalysisReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const client = dataClient()
    if (!client) return
    const result = await client.send('complaint:analysis', {
      from,
      // The form's last day counts: the server's bound is exclusive.
      to: isoDay(new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS)),
      teamId: teamId === '' ? null : teamId
    })
    if (result.ok) {
      setReport(result.data.report)
      setError(null)
    } else {
      setReport(null)
      setError(result.error.message)
    }
  }
  const dimensionLabel = (key: string) =>
    qualityDimensions.some((d) => d === key)
      ? t(`complaints.dimensions.${key}`)
      : t('analysis.unspecified')

  return (
    <section className="panel complaint-analysis" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">{t('analysis.heading')}</h2>
      <form onSubmit={(e) => void load(e)}>
        <label>
          {t('analysis.from')}
          <input
            type="date"
            value={from}
            required
            onChange={(e) => {
              setFrom(e.target.value)
            }}
          />
        </label>
        <label>
          {t('analysis.to')}
          <input
            type="date"
            value={to}
            required
            onChange={(e) => {
              setTo(e.target.value)
            }}
          />
        </label>
        {role === 'admin' && (
          <label>
            {t('analysis.team')}
            <select
              value={teamId}
              onChange={(e) => {
                setTeamId(e.target.value)
              }}
            >
              <option value="">{t('analysis.allTeams')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {sanitizeDisplayText(team.name, 60)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">{t('analysis.show')}</button>
      </form>
      {error !== null && (
        <p role="alert" className="error">
          {sanitizeDisplayText(error, 200)}
        </p>
      )}
      {report !== null && (
        <section aria-label={t('analysis.results')}>
          <p>{t('analysis.total', { count: report.total })}</p>
          <ParetoChart
            title={t('analysis.byCategory')}
            keyHeader={t('complaints.category')}
            rows={report.byCategory}
            labelOf={(key) => categoryLabel(key, configured, t, i18n.language)}
          />
          <ParetoChart
            title={t('analysis.byDimension')}
            keyHeader={t('complaints.dimension')}
            rows={report.byQualityDimension}
            labelOf={dimensionLabel}
          />
          <AnalysisFigures report={report} />
        </section>
      )}
    </section>
  )
}
