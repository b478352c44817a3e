import { Archive, ArchiveRestore, Copy, Eye, FilePlus2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { localized } from '../../practice-scenarios'
import type { ScenarioGroup } from '../scenario-groups'

export interface ScenarioTableActions {
  view: (version: ScenarioVersion) => void
  newVersion: (group: ScenarioGroup) => void
  copy: (group: ScenarioGroup) => void
  setRetired: (group: ScenarioGroup, retired: boolean) => void
}

/** Every scenario with its versions (each opens), what trainees run, and what can be done. */
export function ScenarioTable({
  groups,
  busy,
  actions
}: {
  groups: readonly ScenarioGroup[]
  busy: boolean
  actions: ScenarioTableActions
}) {
  const { t, i18n } = useTranslation()
  const titleOf = (v: ScenarioVersion | undefined, id: string) =>
    sanitizeDisplayText((v && localized(v.title, i18n.language)) || id, 120)
  return (
    <table className="scenario-table">
      <caption className="visually-hidden">{t('scenarioAuthoring.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scenarioAuthoring.table.scenario')}</th>
          <th scope="col">{t('scenarioAuthoring.table.versions')}</th>
          <th scope="col">{t('scenarioAuthoring.table.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('scenarioAuthoring.table.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const newest = group.versions[0]
          const title = titleOf(group.current ?? newest, group.scenarioId)
          return (
            <tr key={group.scenarioId}>
              <th scope="row">
                <span className="scenario-table-title">{title}</span>
                <span className="muted">
                  {t('scenarioAuthoring.table.line', {
                    id: group.scenarioId,
                    persona: sanitizeDisplayText(newest?.persona ?? '', 120),
                    script: newest?.script.id ?? ''
                  })}
                </span>
              </th>
              <td>
                <ul className="scenario-table-versions">
                  {group.versions.map((v) => (
                    <li key={v.version}>
                      <button
                        type="button"
                        className="quiet"
                        disabled={busy}
                        aria-label={t('scenarioAuthoring.actions.view', {
                          scenario: title,
                          version: v.version
                        })}
                        onClick={() => {
                          actions.view(v)
                        }}
                      >
                        <Eye size={14} aria-hidden="true" />
                        {t('scenarioAuthoring.table.version', { version: v.version })}
                      </button>{' '}
                      <span className={v.status === 'draft' ? 'badge pending' : 'badge'}>
                        {t(`scenarioAuthoring.statuses.${v.status}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {group.retired
                  ? t('scenarioAuthoring.table.retired')
                  : group.current
                    ? t('scenarioAuthoring.table.running', { version: group.current.version })
                    : t('scenarioAuthoring.table.draftOnly')}
              </td>
              <td className="scenario-table-actions">
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('scenarioAuthoring.actions.newVersionOf', { scenario: title })}
                  onClick={() => {
                    actions.newVersion(group)
                  }}
                >
                  <FilePlus2 size={14} aria-hidden="true" />
                  {t('scenarioAuthoring.actions.newVersion')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('scenarioAuthoring.actions.copyOf', { scenario: title })}
                  onClick={() => {
                    actions.copy(group)
                  }}
                >
                  <Copy size={14} aria-hidden="true" />
                  {t('scenarioAuthoring.actions.copy')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t(
                    group.retired
                      ? 'scenarioAuthoring.actions.restoreOf'
                      : 'scenarioAuthoring.actions.retireOf',
                    { scenario: title }
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
                      ? 'scenarioAuthoring.actions.restore'
                      : 'scenarioAuthoring.actions.retire'
                  )}
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
