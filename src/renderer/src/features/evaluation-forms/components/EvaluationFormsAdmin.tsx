import { FilePlus2 } from 'lucide-react'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { FormVersion } from '@shared/evaluations/evaluation-api'
import {
  SourceAdminLoad,
  SourceAdminNotice,
  SourceDialog,
  useSourceAdmin
} from '@renderer/ui/source-editor'
import {
  formTitle,
  groupForms,
  NEW_FORM_TEMPLATE,
  startingSource,
  type FormGroup
} from '../form-versions'
import { formsApi as defaultApi, type FormsApi } from '../forms-api'
import { FormEditor } from './FormEditor'
import { FormsTable } from './FormsTable'
import { FormVersionView } from './FormVersionView'
import '../evaluation-forms.css'

type Open =
  | { mode: 'view'; formId: string; version: number }
  | { mode: 'edit'; source: string; title: string }

/**
 * Evaluation forms in Administration: every form and version on the server, a version read as a
 * preview beside its YAML, a new version written and checked here then uploaded as a draft,
 * published (final from then on), a form retired or brought back. Online only.
 */
export function EvaluationFormsAdmin({ api = defaultApi }: { api?: FormsApi }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  const [open, setOpen] = useState<Open | null>(null)
  const list = useCallback(() => api.list(), [api])
  const { load, reload, notice, setNotice, busy, act } = useSourceAdmin(list, {
    offline: t('evaluationForms.offlineAct'),
    failed: (message) => t('evaluationForms.failed', { message })
  })

  const groups = useMemo(() => (load.state === 'ready' ? groupForms(load.versions) : []), [load])
  const publish = (v: FormVersion) =>
    act(
      () => api.publish(v.formId, v.version),
      t('evaluationForms.notices.published', { version: v.version })
    )
  const setRetired = (group: FormGroup, retired: boolean) =>
    act(
      () => api.setRetired(group.formId, retired),
      t(retired ? 'evaluationForms.notices.retired' : 'evaluationForms.notices.restored', {
        form: formTitle(group, language)
      })
    )
  const viewing =
    open?.mode === 'view' && load.state === 'ready'
      ? (load.versions.find((v) => v.formId === open.formId && v.version === open.version) ?? null)
      : null
  const dialogTitle =
    open?.mode === 'edit'
      ? open.title
      : viewing
        ? t('evaluationForms.version.title', {
            form: formTitle(viewing, language),
            version: viewing.version,
            status: t(`evaluationForms.statuses.${viewing.status}`)
          })
        : ''

  return (
    <section className="panel evaluation-forms" aria-labelledby="evaluation-forms-heading">
      <div className="evaluation-forms-head">
        <h2 id="evaluation-forms-heading">{t('evaluationForms.heading')}</h2>
        {load.state === 'ready' && (
          <button
            type="button"
            onClick={() => {
              setOpen({
                mode: 'edit',
                source: NEW_FORM_TEMPLATE,
                title: t('evaluationForms.editor.newForm')
              })
            }}
          >
            <FilePlus2 size={14} aria-hidden="true" />
            {t('evaluationForms.actions.newForm')}
          </button>
        )}
      </div>
      <p className="muted">{t('evaluationForms.hint')}</p>
      <SourceAdminLoad
        load={load}
        onRetry={() => void reload()}
        words={{
          offline: t('evaluationForms.offline'),
          retry: t('evaluationForms.retry'),
          failed: (message) => t('evaluationForms.failed', { message })
        }}
      />
      {load.state === 'ready' && (
        <FormsTable
          groups={groups}
          busy={busy}
          actions={{
            view: (v) => {
              setOpen({ mode: 'view', formId: v.formId, version: v.version })
            },
            newVersion: (group) => {
              setOpen({
                mode: 'edit',
                source: startingSource(group),
                title: t('evaluationForms.editor.newVersionOf', {
                  form: formTitle(group, language)
                })
              })
            },
            publish: (v) => void publish(v),
            setRetired: (group, retired) => void setRetired(group, retired)
          }}
        />
      )}
      <SourceAdminNotice notice={notice} />
      <SourceDialog
        open={open !== null}
        title={dialogTitle}
        editing={open?.mode === 'edit'}
        onClose={() => {
          setOpen(null)
        }}
      >
        {open?.mode === 'edit' && (
          <FormEditor
            initialSource={open.source}
            onUpload={(source) => api.upload(source)}
            onUploaded={async (version) => {
              setNotice({
                tone: 'ok',
                text: version
                  ? t('evaluationForms.notices.uploaded', { version: version.version })
                  : t('evaluationForms.notices.uploadedPlain')
              })
              await reload()
              setOpen(
                version ? { mode: 'view', formId: version.formId, version: version.version } : null
              )
            }}
            onCancel={() => {
              setOpen(null)
            }}
          />
        )}
        {viewing && (
          <FormVersionView
            version={viewing}
            busy={busy}
            onNewVersion={() => {
              setOpen({
                mode: 'edit',
                source: viewing.source,
                title: t('evaluationForms.editor.newVersionOf', {
                  form: formTitle(viewing, language)
                })
              })
            }}
            onPublish={() => void publish(viewing)}
          />
        )}
      </SourceDialog>
    </section>
  )
}
