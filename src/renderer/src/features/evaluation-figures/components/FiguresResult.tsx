import { useTranslation } from 'react-i18next'

import type { FiguresLoad } from '../figures-query'
import { FiguresView } from './FiguresView'

/** What the panel shows under its filters: the figures, or why there are none. */
export function FiguresResult({ load }: { load: FiguresLoad }) {
  const { t } = useTranslation()
  switch (load.state) {
    case 'loading':
      return <p aria-busy="true">{t('evaluationFigures.loading')}</p>
    case 'offline':
      return (
        <p role="status" className="figures-offline">
          {t('evaluationFigures.offline')}
        </p>
      )
    case 'failed':
      return (
        <p role="alert" className="error">
          {t('evaluationFigures.failed', { message: load.message })}
        </p>
      )
    case 'ready':
      return <FiguresView figures={load.figures} />
  }
}
