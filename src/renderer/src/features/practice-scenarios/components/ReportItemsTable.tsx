import { Check, X } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { ScoreItem } from '@shared/practice'
import { itemKind, itemSubject, valueLabel, type ReportLabelContext } from '../report-labels'

/**
 * A practice report's scored items as a table, in the call's order: the step or outcome, what
 * was expected, what was done, the points. The desk's result and the trainer's reading of a
 * stored session show the same rows, so a trainee and their trainer read the same words.
 */
export function ReportItemsTable({
  items,
  context,
  actualHeading
}: {
  items: readonly ScoreItem[]
  context: ReportLabelContext
  /** The "what was done" column: the trainee's own report says "you", a trainer's does not. */
  actualHeading?: string
}) {
  const { t } = useTranslation()
  return (
    <table className="analytics-table practice-report-items">
      <caption className="visually-hidden">{t('practiceReport.itemsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('practiceReport.column.step')}</th>
          <th scope="col">{t('practiceReport.column.expected')}</th>
          <th scope="col">{actualHeading ?? t('practiceReport.column.actual')}</th>
          <th scope="col">{t('practiceReport.column.result')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr
            key={`${item.kind}-${item.nodeId ?? ''}-${String(i)}`}
            className={item.passed ? undefined : 'missed'}
          >
            <th scope="row">
              {itemSubject(context, item)}
              <span className="practice-item-kind">{itemKind(context, item)}</span>
            </th>
            <td>{valueLabel(context, item, 'expected')}</td>
            <td>{valueLabel(context, item, 'actual')}</td>
            <td className="practice-points">
              {item.passed ? (
                <Check size={14} aria-hidden="true" />
              ) : (
                <X size={14} aria-hidden="true" />
              )}{' '}
              <span className="visually-hidden">
                {t(`practiceReport.result.${item.passed ? 'met' : 'missed'}`)}{' '}
              </span>
              {t('practiceReport.result.points', { points: item.points, weight: item.weight })}
              {item.critical && !item.passed && (
                <span className="badge warn">{t('practiceReport.criticalBadge')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
