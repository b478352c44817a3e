import {
  CalendarClock,
  ClipboardCheck,
  MessageSquareWarning,
  X,
  type LucideIcon
} from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components'

import { useAppStore } from '@renderer/stores/app-store'
import { caseTools, type CaseTool } from '@renderer/stores/workspace'
import { CallbackForm } from '../../features/callbacks'
import { ComplaintForm } from '../../features/complaints'
import { openCallbackForCall, WrapUpForm } from '../../features/wrap-up'
import { ariaKeyShortcuts, caseToolShortcuts, formatShortcut } from '../../features/shortcuts'
import { ErrorBoundary } from '../ErrorBoundary'

const icons: Readonly<Record<CaseTool, LucideIcon>> = {
  complaint: MessageSquareWarning,
  callback: CalendarClock,
  wrapUp: ClipboardCheck
}

const isCaseTool = (key: Key): key is CaseTool => (caseTools as readonly Key[]).includes(key)

function CallbackTool() {
  const { t } = useTranslation()
  const draft = useAppStore((s) => s.callbackDraft)
  if (draft) return <CallbackForm key={JSON.stringify(draft)} draft={draft} />
  return (
    <button
      type="button"
      onClick={() => {
        openCallbackForCall()
      }}
    >
      {t('caseTools.newCallback')}
    </button>
  )
}

function WrapUpTool() {
  const { t } = useTranslation()
  const inWrapUp = useAppStore((s) => s.phone.phase === 'wrap_up')
  return inWrapUp ? <WrapUpForm /> : <p className="muted">{t('caseTools.wrapUpLater')}</p>
}

/**
 * Every tool stays mounted while the drawer is open (the hidden ones inert): a half-filled
 * complaint or a chosen disposition survives a look at another tab.
 *
 * The case tools beside the script: a complaint, a callback, the wrap-up. Closed, they are a rail
 * of three buttons; they open when the agent asks, when the script asks (a prefilled complaint or
 * callback) and when the call goes to wrap-up, and close again when the agent is done.
 */
export function CaseTools() {
  const { t } = useTranslation()
  const tool = useAppStore((s) => s.workspace.caseTool)
  const openTool = useAppStore((s) => s.caseToolOpened)
  const close = useAppStore((s) => s.caseToolClosed)
  if (tool === null) {
    return (
      <aside className="case-rail" aria-label={t('caseTools.label')}>
        {caseTools.map((id) => {
          const Icon = icons[id]
          return (
            <button
              key={id}
              type="button"
              className="quiet"
              aria-label={t(`caseTools.open.${id}`)}
              title={`${t(`caseTools.open.${id}`)} (${formatShortcut(caseToolShortcuts[id], t)})`}
              aria-keyshortcuts={ariaKeyShortcuts(caseToolShortcuts[id])}
              onClick={() => {
                openTool(id)
              }}
            >
              <Icon size={18} aria-hidden="true" />
            </button>
          )
        })}
      </aside>
    )
  }
  return (
    <aside className="panel case-tools" aria-label={t('caseTools.label')}>
      <Tabs
        selectedKey={tool}
        onSelectionChange={(key) => {
          if (isCaseTool(key)) openTool(key)
        }}
      >
        <div className="case-tools-head">
          <TabList aria-label={t('caseTools.label')} className="tab-list">
            {caseTools.map((id) => {
              const Icon = icons[id]
              return (
                <Tab key={id} id={id} className="tab">
                  <Icon size={14} aria-hidden="true" />
                  {t(`caseTools.tabs.${id}`)}
                </Tab>
              )
            })}
          </TabList>
          <button
            type="button"
            className="quiet"
            aria-label={t('caseTools.close')}
            title={t('caseTools.close')}
            onClick={close}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
        <TabPanel id="complaint" className="tab-panel" shouldForceMount>
          <ErrorBoundary area={t('caseTools.tabs.complaint')}>
            <ComplaintForm />
          </ErrorBoundary>
        </TabPanel>
        <TabPanel id="callback" className="tab-panel" shouldForceMount>
          <ErrorBoundary area={t('caseTools.tabs.callback')}>
            <CallbackTool />
          </ErrorBoundary>
        </TabPanel>
        <TabPanel id="wrapUp" className="tab-panel" shouldForceMount>
          <ErrorBoundary area={t('caseTools.tabs.wrapUp')}>
            <WrapUpTool />
          </ErrorBoundary>
        </TabPanel>
      </Tabs>
    </aside>
  )
}
