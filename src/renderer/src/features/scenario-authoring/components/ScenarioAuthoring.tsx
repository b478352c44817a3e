import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersion, ScenarioVersionDetail } from '@shared/practice/scenario-api'
import {
  SourceAdminLoad,
  SourceAdminNotice,
  SourceDialog,
  useSourceAdmin
} from '@renderer/ui/source-editor'
import { localized } from '../../practice-scenarios'
import { scenarioAdminApi as defaultApi, type ScenarioAdminApi } from '../scenario-admin-api'
import {
  copyId,
  copySource,
  groupScenarios,
  nextVersionSource,
  type ScenarioGroup
} from '../scenario-groups'
import { ScenarioEditor } from './ScenarioEditor'
import { ScenarioTable } from './ScenarioTable'
import { ScenarioVersionView } from './ScenarioVersionView'
import '../scenario-authoring.css'

type Open =
  { mode: 'view'; detail: ScenarioVersionDetail } | { mode: 'edit'; source: string; title: string }

/**
 * The trainer's scenarios, in Training: every scenario and version on the server, drafts and
 * retired ones too; a version read as the library shows it beside its YAML; a new version (or a
 * copy as a new scenario) written and checked here, then uploaded as a draft; a draft published
 * (trainees run it from then on, and it never changes); a scenario retired or brought back.
 * Online only, like the forms.
 */
export function ScenarioAuthoring({
  api = defaultApi,
  onChanged
}: {
  api?: ScenarioAdminApi
  /** What trainees can run changed (a version published, a scenario retired or restored). */
  onChanged?: () => void
}) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState<Open | null>(null)
  const list = useCallback(() => api.list(), [api])
  const admin = useSourceAdmin(list, {
    offline: t('sourceEditor.offline'),
    failed: (message) => t('scenarioAuthoring.failed', { message })
  })
  const { load, reload, setNotice, busy, setBusy, explain } = admin

  const groups = useMemo(
    () => (load.state === 'ready' ? groupScenarios(load.versions) : []),
    [load]
  )
  const title = (v: Pick<ScenarioVersion, 'title' | 'scenarioId'>) =>
    sanitizeDisplayText(localized(v.title, i18n.language) || v.scenarioId, 120)
  /** Reads a version whole (its source), then does `then` with it. */
  const withDetail = async (
    v: Pick<ScenarioVersion, 'scenarioId' | 'version'>,
    then: (detail: ScenarioVersionDetail) => void
  ) => {
    setBusy(true)
    const result = await api.detail(v.scenarioId, v.version)
    setBusy(false)
    if (result.ok) then(result.data)
    else explain(result, null)
  }
  const view = (v: Pick<ScenarioVersion, 'scenarioId' | 'version'>) =>
    withDetail(v, (detail) => {
      setOpen({ mode: 'view', detail })
    })
  const newVersion = (group: ScenarioGroup, from: ScenarioVersionDetail) => {
    setOpen({
      mode: 'edit',
      source: nextVersionSource(group, from.source),
      title: t('scenarioAuthoring.editor.newVersionOf', { scenario: title(from) })
    })
  }
  const groupOf = (scenarioId: string) => groups.find((g) => g.scenarioId === scenarioId)
  const act = async (run: Parameters<typeof admin.act>[0], done: string) => {
    const ok = await admin.act(run, done)
    if (ok) onChanged?.()
    return ok
  }
  const publish = async (detail: ScenarioVersionDetail) => {
    const published = await act(
      () => api.publish(detail.scenarioId, detail.version),
      t('scenarioAuthoring.notices.published', { scenario: title(detail), version: detail.version })
    )
    if (published) await view(detail)
  }

  return (
    <section className="panel scenario-authoring" aria-labelledby="scenario-authoring-heading">
      <h2 id="scenario-authoring-heading">{t('scenarioAuthoring.heading')}</h2>
      <p className="muted">{t('scenarioAuthoring.hint')}</p>
      <SourceAdminLoad
        load={load}
        onRetry={() => void reload()}
        words={{
          offline: t('scenarioAuthoring.offline'),
          retry: t('scenarioAuthoring.retry'),
          failed: (message) => t('scenarioAuthoring.failed', { message })
        }}
      />
      {load.state === 'ready' && (
        <ScenarioTable
          groups={groups}
          busy={busy}
          actions={{
            view: (v) => void view(v),
            newVersion: (group) => {
              const newest = group.versions[0]
              if (newest) {
                void withDetail(newest, (detail) => {
                  newVersion(group, detail)
                })
              }
            },
            copy: (group) => {
              const newest = group.versions[0]
              if (!newest) return
              void withDetail(newest, (detail) => {
                const taken = new Set(groups.map((g) => g.scenarioId))
                const id = copyId(group.scenarioId, taken, t('scenarioAuthoring.copySuffix'))
                setOpen({
                  mode: 'edit',
                  source: copySource(detail.source, id),
                  title: t('scenarioAuthoring.editor.copyOf', { scenario: title(detail) })
                })
              })
            },
            setRetired: (group, retired) => {
              const newest = group.versions[0]
              const name = newest ? title(newest) : group.scenarioId
              void act(
                () => api.setRetired(group.scenarioId, retired),
                t(
                  retired
                    ? 'scenarioAuthoring.notices.retired'
                    : 'scenarioAuthoring.notices.restored',
                  { scenario: name }
                )
              )
            }
          }}
        />
      )}
      <SourceAdminNotice notice={admin.notice} />
      <SourceDialog
        open={open !== null}
        title={
          open === null
            ? ''
            : open.mode === 'edit'
              ? open.title
              : t('scenarioAuthoring.version.title', {
                  scenario: title(open.detail),
                  version: open.detail.version,
                  status: t(`scenarioAuthoring.statuses.${open.detail.status}`)
                })
        }
        editing={open?.mode === 'edit'}
        onClose={() => {
          setOpen(null)
        }}
      >
        {open?.mode === 'edit' && (
          <ScenarioEditor
            initialSource={open.source}
            onUpload={(source) => api.upload(source)}
            onUploaded={async (version) => {
              setNotice({
                tone: 'ok',
                text: t('scenarioAuthoring.notices.uploaded', {
                  scenario: title(version),
                  version: version.version
                })
              })
              await reload()
              await view(version)
            }}
            onCancel={() => {
              setOpen(null)
            }}
          />
        )}
        {open?.mode === 'view' && (
          <ScenarioVersionView
            version={open.detail}
            busy={busy}
            onNewVersion={() => {
              const group = groupOf(open.detail.scenarioId)
              if (group) newVersion(group, open.detail)
            }}
            onPublish={() => void publish(open.detail)}
          />
        )}
      </SourceDialog>
    </section>
  )
}
