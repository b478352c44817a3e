import { useTranslation } from 'react-i18next'

import type { ComplaintAnalysisReport } from '@shared/domain/complaint-analysis'
import { valueTiers } from '@shared/domain/customer'
import { compensationTypes } from '@shared/domain/configuration'
import { formatAmount } from '@renderer/i18n/format-amount'

/** SLA compliance, recovery rate and compensation given, as tables (one caption each). */
export function AnalysisFigures({ report }: { report: ComplaintAnalysisReport }) {
  const { t, i18n } = useTranslation()
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1
  })
  const rateText = (value: number | null) =>
    value === null ? t('analysis.noRate') : percent.format(value)
  const tierLabel = (tier: string) =>
    valueTiers.some((v) => v === tier) ? t(`card.tiers.${tier}`) : tier
  const typeLabel = (type: string) =>
    compensationTypes.some((v) => v === type) ? t(`compensation.types.${type}`) : type
  return (
    <>
      <table>
        <caption>{t('analysis.sla.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('analysis.sla.resolved')}</th>
            <td>{report.sla.resolved}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.sla.resolvedWithinDue')}</th>
            <td>{report.sla.resolvedWithinDue}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.sla.compliance')}</th>
            <td>{rateText(report.sla.compliance)}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.sla.open')}</th>
            <td>{report.sla.open}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.sla.openBreached')}</th>
            <td>{report.sla.openBreached}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <caption>{t('analysis.recovery.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('analysis.recovery.resolvedWithCustomer')}</th>
            <td>{report.recovery.resolvedWithCustomer}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.recovery.recovered')}</th>
            <td>{report.recovery.recovered}</td>
          </tr>
          <tr>
            <th scope="row">{t('analysis.recovery.rate')}</th>
            <td>{rateText(report.recovery.rate)}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <caption>{t('analysis.compensation.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.compensation.tier')}</th>
            <th scope="col">{t('analysis.compensation.type')}</th>
            <th scope="col">{t('analysis.count')}</th>
            <th scope="col">{t('analysis.compensation.total')}</th>
          </tr>
        </thead>
        <tbody>
          {report.compensation.length === 0 && (
            <tr>
              <td colSpan={4}>{t('analysis.noData')}</td>
            </tr>
          )}
          {report.compensation.map((c) => (
            <tr key={`${c.tier}-${c.type}-${c.currency}`}>
              <th scope="row">{tierLabel(c.tier)}</th>
              <td>{typeLabel(c.type)}</td>
              <td>{c.count}</td>
              <td>{formatAmount(c.total, c.currency, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
