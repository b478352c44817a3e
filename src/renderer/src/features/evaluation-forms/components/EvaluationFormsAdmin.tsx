import { FilePlus2, RefreshCw } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { SourceDialog } from '@renderer/ui/source-editor'
import {
  formTitle,
  groupForms,
  NEW_FORM_TEMPLATE,
  startingSource,
  type FormGroup
} from '../form-versions'
import { formsApi as defaultApi, type FormsApi, type FormsOutcome } from '../forms-api'
import { FormEditor } from './FormEditor'
import { FormsTable } from './FormsTable'
import { FormVersionView } from './FormVersionView'
import '../evaluation-forms.css'

type Load =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; versions: FormVersion[] }

type Open =
  | { mode: 'view'; formId: string; version: number }
  | { mode: 'edit'; source: string; title: string }

function asLoad(result: FormsOutcome<FormVersion[]>): Load {
  if (result.ok) return { state: 'ready', versions: result.data }
  if (result.reason === 'offline') return { state: 'offline' }
  return { state: 'failed', message: result.message }
}

type Notice = { tone: 'ok' | 'error'; text: string } | null

/**
 * Evaluation forms in Administration: every form and version on the server, a version read as a
 * preview beside its YAML, a new version written and checked here then uploaded as a draft,
 * published (final from then on), a form retired or brought back. Online only.
 */
export function EvaluationFormsAdmin({ api = defaultApi }: { api?: FormsApi }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [open, setOpen] = useState<Open | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  const reload = async () => {
    setLoad(asLoad(await api.list()))
  }
  useEffect(() => {
    let current = true
    void api.list().then((result) => {
      if (current) setLoad(asLoad(result))
    })
    return () => {
      current = false
    }
  }, [api])

  const groups = useMemo(() => (load.state === 'ready' ? groupForms(load.versions) : []), [load])
  const explain = (result: FormsOutcome<unknown>, done: string) => {
    if (result.ok) setNotice({ tone: 'ok', text: done })
    else if (result.reason === 'offline')
      setNotice({ tone: 'error', text: t('evaluationForms.offlineAct') })
    else
      setNotice({ tone: 'error', text: t('evaluationForms.failed', { message: result.message }) })
  }
  const act = async (run: () => Promise<FormsOutcome<null>>, done: string) => {
    setBusy(true)
    const result = await run()
    setBusy(false)
    explain(result, done)
    await reload()
  }
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
      {load.state === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {load.state === 'offline' && (
        <p role="status" className="forms-offline">
          {t('evaluationForms.offline')}{' '}
          <button type="button" onClick={() => void reload()}>
            <RefreshCw size={14} aria-hidden="true" />
            {t('evaluationForms.retry')}
          </button>
        </p>
      )}
      {load.state === 'failed' && (
        <p role="alert" className="error">
          {t('evaluationForms.failed', { message: load.message })}
        </p>
      )}
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
      {notice && (
        <p
          role={notice.tone === 'ok' ? 'status' : 'alert'}
          className={notice.tone === 'ok' ? 'forms-notice' : 'error'}
        >
          {notice.text}
        </p>
      )}
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
