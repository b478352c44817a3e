import { BookOpen, FilePen, TrendingUp } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components'

import { PendingApprovals } from '../../features/compensation'
import { EscalationsPanel } from '../../features/complaints'
import { PracticeDataPanel, ScenarioLibrary } from '../../features/practice-scenarios'
import { ScriptAnalyticsPanel } from '../../features/scripts'
import { RoleplayStart } from '../../features/roleplay'
import { ScenarioAuthoring } from '../../features/scenario-authoring'
import { TrainingProgressPanel } from '../../features/training-progress'
import { ErrorBoundary } from '../ErrorBoundary'
import './training-workspace.css'

const tabs = [
  { id: 'scenarios', Icon: BookOpen },
  { id: 'progress', Icon: TrendingUp },
  { id: 'authoring', Icon: FilePen }
] as const
type TrainingTab = (typeof tabs)[number]['id']

const isTrainingTab = (key: Key): key is TrainingTab => tabs.some((t) => t.id === key)

/**
 * Training, in three tabs. Scenarios: the scenario library (the trainer's main work, the tall
 * column: read a scenario, ring its persona on the desk), and beside it what waits for the
 * trainer as the trainees' lead in practice (compensations above a trainee's authority,
 * escalations: a trainer's desk holds practice records only), how trainees follow the scripts,
 * and the practice data (purged here). Progress: cohorts and each trainee's scored practice.
 * Management: the scenarios' versions, written, published and retired here. They stay mounted,
 * so a scenario read or a trainee opened survives a look at another tab; progress and
 * management are first read when their tab first opens.
 */
export default function TrainingWorkspace() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<TrainingTab>('scenarios')
  // Management reads the server when first opened, not at every start of the workspace.
  const [authoringOpened, setAuthoringOpened] = useState(false)
  // A version published (or a scenario retired) there: the library reads the list again.
  const [published, setPublished] = useState(0)
  return (
    <Tabs
      className="workspace training-tabs"
      selectedKey={tab}
      onSelectionChange={(key) => {
        if (!isTrainingTab(key)) return
        setTab(key)
        if (key === 'authoring') setAuthoringOpened(true)
      }}
    >
      <TabList aria-label={t('trainingProgress.tabs.label')} className="tab-list">
        {tabs.map(({ id, Icon }) => (
          <Tab key={id} id={id} className="tab">
            <Icon size={14} aria-hidden="true" />
            {t(`trainingProgress.tabs.${id}`)}
          </Tab>
        ))}
      </TabList>
      <TabPanel id="scenarios" className="tab-panel training-tab-panel" shouldForceMount>
        <div className="workspace two-columns">
          <ErrorBoundary area={t('practiceScenarios.heading')}>
            <ScenarioLibrary key={published} />
          </ErrorBoundary>
          <div className="training-stack">
            <ErrorBoundary area={t('compensation.approvals.heading')}>
              <PendingApprovals />
            </ErrorBoundary>
            <ErrorBoundary area={t('complaints.escalations.heading')}>
              <EscalationsPanel />
            </ErrorBoundary>
            <ErrorBoundary area={t('scripts.analytics.heading')}>
              <ScriptAnalyticsPanel />
            </ErrorBoundary>
            <ErrorBoundary area={t('practiceScenarios.purge.heading')}>
              <PracticeDataPanel />
            </ErrorBoundary>
          </div>
        </div>
      </TabPanel>
      <TabPanel id="progress" className="tab-panel training-tab-panel" shouldForceMount>
        <ErrorBoundary area={t('trainingProgress.heading')}>
          <TrainingProgressPanel
            active={tab === 'progress'}
            traineeActions={(trainee) => (
              <RoleplayStart traineeId={trainee.id} traineeName={trainee.displayName} />
            )}
          />
        </ErrorBoundary>
      </TabPanel>
      <TabPanel id="authoring" className="tab-panel training-tab-panel" shouldForceMount>
        {authoringOpened && (
          <ErrorBoundary area={t('scenarioAuthoring.heading')}>
            <ScenarioAuthoring
              onChanged={() => {
                setPublished((n) => n + 1)
              }}
            />
          </ErrorBoundary>
        )}
      </TabPanel>
    </Tabs>
  )
}
