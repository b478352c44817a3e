import { FilePlus2, Lock, Send } from 'lucide-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { checkFormSource } from '@shared/evaluations/form-source'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { SourceView } from '@renderer/ui/source-editor'
import { FormPreview } from './FormPreview'

/**
 * One uploaded version: its readable preview beside its YAML (numbered lines), and what may be
 * done with it. A published version is final: the way to change it is a new version.
 */
export function FormVersionView({
  version,
  onNewVersion,
  onPublish,
  busy
}: {
  version: FormVersion
  onNewVersion: () => void
  onPublish: () => void
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const form = useMemo(() => checkFormSource(version.source).form, [version.source])
  const when = dateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const published = version.status === 'published'
  return (
    <div className="form-version-view">
      <div className="form-version-facts">
        <p>
          {published && version.publishedAt
            ? t('evaluationForms.version.publishedAt', {
                when: when.format(new Date(version.publishedAt))
              })
            : t('evaluationForms.version.uploadedAt', {
                when: when.format(new Date(version.uploadedAt))
              })}{' '}
          · {t('evaluationForms.version.usedBy', { count: version.evaluations })}
        </p>
        {published ? (
          <p className="form-version-final">
            <Lock size={14} aria-hidden="true" /> {t('evaluationForms.version.final')}
          </p>
        ) : (
          <p className="form-version-draft">{t('evaluationForms.version.draftNote')}</p>
        )}
      </div>
      <div className="form-version-columns">
        <div
          className="source-editor-preview"
          // Focusable so the keyboard can scroll a long preview (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          {form ? (
            <FormPreview form={form} />
          ) : (
            <p className="muted">{t('evaluationForms.editor.noPreview')}</p>
          )}
        </div>
        <div className="form-version-source">
          <h3>{t('evaluationForms.version.yaml')}</h3>
          <SourceView source={version.source} label={t('evaluationForms.version.yaml')} />
        </div>
      </div>
      <footer className="source-editor-actions">
        <button type="button" onClick={onNewVersion}>
          <FilePlus2 size={14} aria-hidden="true" />
          {t('evaluationForms.actions.newVersionFrom', { version: version.version })}
        </button>
        {!published && (
          <button type="button" className="accent" disabled={busy} onClick={onPublish}>
            <Send size={14} aria-hidden="true" />
            {t('evaluationForms.actions.publish')}
          </button>
        )}
      </footer>
    </div>
  )
}
