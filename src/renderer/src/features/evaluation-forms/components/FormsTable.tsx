import { Archive, ArchiveRestore, Eye, FilePlus2, Send } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { formTitle, type FormGroup } from '../form-versions'

export interface FormsTableActions {
  view: (version: FormVersion) => void
  newVersion: (group: FormGroup) => void
  publish: (version: FormVersion) => void
  setRetired: (group: FormGroup, retired: boolean) => void
}

/**
 * Every form and its versions (newest first): state, when published, how many evaluations use
 * it; per form "Nueva versión" and "Retirar"/"Recuperar", per version "Ver" and, for a draft,
 * "Publicar". Rendered from props (the unit tests render this one).
 */
export function FormsTable({
  groups,
  actions,
  busy
}: {
  groups: readonly FormGroup[]
  actions: FormsTableActions
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  // The day is enough in the list; the version's view gives the time.
  const when = dateTimeFormat(i18n.language, { dateStyle: 'medium' })
  if (groups.length === 0) return <p className="muted">{t('evaluationForms.list.none')}</p>
  return (
    <table className="analytics-table forms-table">
      <caption className="visually-hidden">{t('evaluationForms.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluationForms.list.version')}</th>
          <th scope="col">{t('evaluationForms.list.state')}</th>
          <th scope="col">{t('evaluationForms.list.publishedAt')}</th>
          <th scope="col" className="numeric">
            {t('evaluationForms.list.evaluations')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('evaluationForms.list.actions')}</span>
          </th>
        </tr>
      </thead>
      {groups.map((group) => {
        const title = formTitle(group, language)
        return (
          <tbody key={group.formId} className={group.retired ? 'forms-retired' : undefined}>
            <tr className="forms-form-row">
              <th scope="colgroup" colSpan={4}>
                <span className="forms-title">{title}</span>{' '}
                <code className="muted">{sanitizeDisplayText(group.formId, 64)}</code>{' '}
                <span className="badge">{t(`evaluationForms.kinds.${group.kind}`)}</span>
                {group.retired && (
                  <span className="badge forms-retired-badge">
                    {t('evaluationForms.list.retired')}
                  </span>
                )}
              </th>
              <td className="forms-actions">
                <button
                  type="button"
                  aria-label={t('evaluationForms.actions.newVersionOf', { form: title })}
                  onClick={() => {
                    actions.newVersion(group)
                  }}
                >
                  <FilePlus2 size={14} aria-hidden="true" />
                  {t('evaluationForms.actions.newVersion')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t(
                    group.retired
                      ? 'evaluationForms.actions.restoreOf'
                      : 'evaluationForms.actions.retireOf',
                    { form: title }
                  )}
                  onClick={() => {
                    actions.setRetired(group, !group.retired)
                  }}
                >
                  {group.retired ? (
                    <ArchiveRestore size={14} aria-hidden="true" />
                  ) : (
                    <Archive size={14} aria-hidden="true" />
                  )}
                  {t(
                    group.retired
                      ? 'evaluationForms.actions.restore'
                      : 'evaluationForms.actions.retire'
                  )}
                </button>
              </td>
            </tr>
            {group.versions.map((v) => {
              const current = group.current?.version === v.version
              return (
                <tr key={v.version}>
                  <td>{t('evaluationForms.list.versionNumber', { version: v.version })}</td>
                  <td>
                    {t(`evaluationForms.statuses.${v.status}`)}
                    {current && !group.retired && (
                      <span className="badge forms-current">
                        {t('evaluationForms.list.current')}
                      </span>
                    )}
                  </td>
                  <td className="forms-date">
                    {v.publishedAt ? when.format(new Date(v.publishedAt)) : '—'}
                  </td>
                  <td className="numeric">{v.evaluations}</td>
                  <td className="forms-actions">
                    <button
                      type="button"
                      className="quiet"
                      aria-label={t('evaluationForms.actions.viewOf', {
                        form: title,
                        version: v.version
                      })}
                      onClick={() => {
                        actions.view(v)
                      }}
                    >
                      <Eye size={14} aria-hidden="true" />
                      {t('evaluationForms.actions.view')}
                    </button>
                    {v.status === 'draft' && (
                      <button
                        type="button"
                        className="accent"
                        disabled={busy}
                        aria-label={t('evaluationForms.actions.publishOf', {
                          form: title,
                          version: v.version
                        })}
                        onClick={() => {
                          actions.publish(v)
                        }}
                      >
                        <Send size={14} aria-hidden="true" />
                        {t('evaluationForms.actions.publish')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        )
      })}
    </table>
  )
}
