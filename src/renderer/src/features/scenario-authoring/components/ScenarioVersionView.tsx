import { FilePlus2, Lock, Send } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { ScenarioVersionDetail } from '@shared/practice/scenario-api'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { SourceView } from '@renderer/ui/source-editor'
import { ScenarioDetail } from '../../practice-scenarios'

/**
 * One uploaded version: the scenario as trainees will read it beside its YAML (numbered lines),
 * and what may be done with it. A published version is final: the way to change it is a new one.
 */
export function ScenarioVersionView({
  version,
  busy,
  onNewVersion,
  onPublish
}: {
  version: ScenarioVersionDetail
  busy: boolean
  onNewVersion: () => void
  onPublish: () => void
}) {
  const { t, i18n } = useTranslation()
  const when = dateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const published = version.status === 'published'
  return (
    <div className="scenario-version-view">
      <div className="scenario-version-facts">
        <p>
          {published && version.publishedAt
            ? t('scenarioAuthoring.version.publishedAt', {
                when: when.format(new Date(version.publishedAt))
              })
            : t('scenarioAuthoring.version.uploadedAt', {
                when: when.format(new Date(version.uploadedAt)),
                who: version.uploadedBy
              })}
        </p>
        {published ? (
          <p className="scenario-version-final">
            <Lock size={14} aria-hidden="true" /> {t('scenarioAuthoring.version.final')}
          </p>
        ) : (
          <p className="muted">{t('scenarioAuthoring.version.draftNote')}</p>
        )}
      </div>
      <div className="scenario-version-columns">
        <div
          className="source-editor-preview"
          // Focusable so the keyboard can scroll a long preview (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <ScenarioDetail detail={version} />
        </div>
        <div className="scenario-version-source">
          <h3>{t('scenarioAuthoring.version.yaml')}</h3>
          <SourceView source={version.source} label={t('scenarioAuthoring.version.yaml')} />
        </div>
      </div>
      <footer className="source-editor-actions">
        <button type="button" onClick={onNewVersion}>
          <FilePlus2 size={14} aria-hidden="true" />
          {t('scenarioAuthoring.actions.newVersionFrom', { version: version.version })}
        </button>
        {!published && (
          <button type="button" className="accent" disabled={busy} onClick={onPublish}>
            <Send size={14} aria-hidden="true" />
            {t('scenarioAuthoring.actions.publish')}
          </button>
        )}
      </footer>
    </div>
  )
}
