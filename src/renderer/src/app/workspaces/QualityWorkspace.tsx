import { BarChart3, ClipboardCheck, FileText, Scale } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components'

import { CalibrationPanel } from '../../features/calibration'
import { ComplaintAnalysisPanel } from '../../features/complaint-analysis'
import { EvaluationFiguresPanel } from '../../features/evaluation-figures'
import { EvaluationsPanel, MyEvaluationsPanel } from '../../features/evaluations'
import { ScriptAnalyticsPanel } from '../../features/scripts'
import { MyPracticePanel } from '../../features/training-progress'
import { useAppStore } from '@renderer/stores/app-store'
import { ErrorBoundary } from '../ErrorBoundary'
import './quality-workspace.css'

const tabs = [
  { id: 'evaluations', Icon: ClipboardCheck },
  { id: 'calibration', Icon: Scale },
  { id: 'figures', Icon: BarChart3 },
  { id: 'reports', Icon: FileText }
] as const
type QualityTab = (typeof tabs)[number]['id']

const isQualityTab = (key: Key): key is QualityTab => tabs.some((t) => t.id === key)

/**
 * Quality and reports. Leads, trainers and admins: the evaluations, calibration between
 * evaluators, the figures, and the reports (complaint analysis, script analytics) in tabs; the
 * open tab lives here only, like every other workspace's view (none is kept in a store or a URL).
 * Every tab stays mounted (hidden when not open), so a figures period, a sort or a calibration
 * call picked survives a look at another tab.
 * Agents: their own evaluations, and under them their own practice ("Mis prácticas").
 */
export default function QualityWorkspace() {
  const { t } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? 'agent')
  const [tab, setTab] = useState<QualityTab>('evaluations')
  if (role === 'agent') {
    return (
      <div className="workspace single agent-quality">
        <ErrorBoundary area={t('evaluationFigures.workspace.mine')}>
          <MyEvaluationsPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('trainingProgress.mine.heading')}>
          <MyPracticePanel />
        </ErrorBoundary>
      </div>
    )
  }
  return (
    <Tabs
      className="workspace quality-tabs"
      selectedKey={tab}
      onSelectionChange={(key) => {
        if (isQualityTab(key)) setTab(key)
      }}
    >
      <TabList aria-label={t('evaluationFigures.workspace.tabsLabel')} className="tab-list">
        {tabs.map(({ id, Icon }) => (
          <Tab key={id} id={id} className="tab">
            <Icon size={14} aria-hidden="true" />
            {t(`evaluationFigures.workspace.tabs.${id}`)}
          </Tab>
        ))}
      </TabList>
      <TabPanel id="evaluations" className="tab-panel quality-tab-panel" shouldForceMount>
        <ErrorBoundary area={t('evaluationFigures.workspace.tabs.evaluations')}>
          <EvaluationsPanel />
        </ErrorBoundary>
      </TabPanel>
      <TabPanel id="calibration" className="tab-panel quality-tab-panel" shouldForceMount>
        <ErrorBoundary area={t('evaluationFigures.workspace.tabs.calibration')}>
          <CalibrationPanel />
        </ErrorBoundary>
      </TabPanel>
      <TabPanel id="figures" className="tab-panel quality-tab-panel" shouldForceMount>
        <ErrorBoundary area={t('evaluationFigures.workspace.tabs.figures')}>
          <EvaluationFiguresPanel active={tab === 'figures'} />
        </ErrorBoundary>
      </TabPanel>
      <TabPanel
        id="reports"
        className="tab-panel quality-tab-panel quality-reports"
        shouldForceMount
      >
        <ErrorBoundary area={t('analysis.heading')}>
          <ComplaintAnalysisPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.analytics.heading')}>
          <ScriptAnalyticsPanel />
        </ErrorBoundary>
      </TabPanel>
    </Tabs>
  )
}
