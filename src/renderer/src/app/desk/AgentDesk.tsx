import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { CallbacksPanel } from '../../features/callbacks'
import {
  PracticeCustomerPanel,
  PracticePicker,
  PracticeReportPanel
} from '../../features/practice-scenarios'
import { WhisperInbox } from '../../features/coaching'
import { RoleplayConsole, RoleplayInvitations } from '../../features/roleplay'
import { CustomerCard } from '../../features/screen-pop'
import { ScriptPanel } from '../../features/scripts'
import { CustomerSearch } from '../../features/search'
import { CallerIdSettingsForm, PhoneSettingsForm } from '../../features/settings'
import { SoftphonePanel } from '../../features/softphone'
import { ErrorBoundary } from '../ErrorBoundary'
import { CaseTools } from './CaseTools'

const practicePicker = <PracticePicker />

const settingsForms = (
  <>
    <PhoneSettingsForm />
    <CallerIdSettingsForm />
  </>
)

/**
 * The agent desk: the phone and the callbacks, the customer card, the script, and the case tools.
 * It stays mounted when another workspace is open (hidden): the card pops and the script starts
 * on a ring wherever the person is, and nothing typed is lost by looking elsewhere.
 */
export const AgentDesk = memo(function AgentDesk({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation()
  const caseOpen = useAppStore((s) => s.workspace.caseTool !== null)
  const resultOpen = useAppStore((s) => s.practice.finished !== null && s.phone.call === null)
  const layout = caseOpen ? ' case-open' : resultOpen ? ' practice-result' : ''
  return (
    <div className={`workspace desk${layout}`} hidden={hidden}>
      <div className="desk-column desk-phone">
        <ErrorBoundary area={t('softphone.heading')}>
          <SoftphonePanel settings={settingsForms} practice={practicePicker} />
        </ErrorBoundary>
        <ErrorBoundary area={t('callbacks.heading')}>
          <CallbacksPanel />
        </ErrorBoundary>
      </div>
      <ErrorBoundary area={t('card.heading')}>
        <CustomerCard search={<CustomerSearch />} />
      </ErrorBoundary>
      <div className="desk-script" id="desk-script">
        <ErrorBoundary area={t('coaching.inbox.heading')}>
          <WhisperInbox />
        </ErrorBoundary>
        <ErrorBoundary area={t('roleplay.start.heading')}>
          <RoleplayInvitations />
          <RoleplayConsole />
        </ErrorBoundary>
        <ErrorBoundary area={t('practiceScenarios.customer.area')}>
          <PracticeCustomerPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('practiceReport.heading')}>
          <PracticeReportPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.heading')}>
          <ScriptPanel />
        </ErrorBoundary>
      </div>
      <CaseTools />
    </div>
  )
})
