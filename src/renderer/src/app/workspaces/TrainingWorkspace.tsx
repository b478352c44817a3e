import { Play } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { ScenarioLibrary } from '../../features/practice-scenarios'
import { ScriptAnalyticsPanel } from '../../features/scripts'
import { practiceScenarios, useSoftphone } from '../../features/softphone'
import { ErrorBoundary } from '../ErrorBoundary'

/** The practice scenarios: starting one rings the desk, which opens to take the call. */
function PracticeScenarios() {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const idle = useAppStore((s) => s.phone.phase === 'idle')
  const openDesk = useAppStore((s) => s.workspaceOpened)
  return (
    <section className="panel practice-scenarios" aria-labelledby="practice-heading">
      <h2 id="practice-heading">{t('training.scenarios')}</h2>
      <p className="muted">{t('training.scenariosHint')}</p>
      <ul className="scenario-list">
        {practiceScenarios.map((scenario) => {
          const label = t(scenario.labelKey)
          return (
            <li key={scenario.id}>
              <span>{label}</span>
              <button
                type="button"
                disabled={!idle}
                aria-label={t('training.start', { scenario: label })}
                onClick={() => {
                  calls.startPracticeCall(scenario)
                  openDesk('desk')
                }}
              >
                <Play size={14} aria-hidden="true" />
                {t('training.startShort')}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * Training: the scenario library (the trainer's main work, the tall column), and beside it the
 * simulated desk calls and how trainees follow the scripts in practice.
 */
export default function TrainingWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace two-columns">
      <ErrorBoundary area={t('practiceScenarios.heading')}>
        <ScenarioLibrary />
      </ErrorBoundary>
      <div className="training-stack">
        <ErrorBoundary area={t('training.scenarios')}>
          <PracticeScenarios />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.analytics.heading')}>
          <ScriptAnalyticsPanel />
        </ErrorBoundary>
      </div>
    </div>
  )
}
