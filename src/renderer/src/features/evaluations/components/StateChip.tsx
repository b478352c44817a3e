/** An evaluation's state in words (and a calibration one said apart): the lists and the read view. */
import { useTranslation } from 'react-i18next'

import type { EvaluationState } from '@shared/evaluations/evaluation'

export function StateChip({
  state,
  calibration
}: {
  state: EvaluationState
  calibration: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <span className={`eval-state eval-state-${state}`}>{t(`evaluations.states.${state}`)}</span>
      {calibration && (
        <span className="badge eval-calibration-badge">{t('evaluations.calibrationBadge')}</span>
      )}
    </>
  )
}
