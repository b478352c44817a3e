import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { watchPhoneHealth } from '../watch-phone-health'

/** Says loudly why the phone cannot take calls, and when it can again. */
export function PhoneProblemAlert() {
  const { t } = useTranslation()
  useEffect(() => watchPhoneHealth(), [])
  const problems = useAppStore((s) => s.agent.phoneProblems)
  const recovered = useAppStore((s) => s.agent.phoneRecovered)
  if (problems.length > 0) {
    return (
      <div role="alert" className="phone-problem" aria-label={t('agentState.phoneProblem.title')}>
        <strong>{t('agentState.phoneProblem.title')}</strong>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{t(`agentState.phoneProblem.${problem}`)}</li>
          ))}
        </ul>
      </div>
    )
  }
  if (recovered) {
    return (
      <p role="status" className="phone-recovered">
        {t('agentState.phoneProblem.recovered')}
      </p>
    )
  }
  return null
}
