import { useTranslation } from 'react-i18next'

/**
 * A chart's figures as a table, folded under the chart: the chart is for the eye, this is for
 * keyboards, screen readers and anyone who wants the exact numbers. The first cell heads its row.
 */
export function ChartTable({
  caption,
  headers,
  rows
}: {
  caption: string
  headers: readonly string[]
  rows: readonly { key: string; cells: readonly string[] }[]
}) {
  const { t } = useTranslation()
  return (
    <details className="chart-table">
      <summary>{t('evaluationFigures.showTable')}</summary>
      <table className="analytics-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'numeric' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="numeric">
                    {cell}
                  </td>
                )
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
