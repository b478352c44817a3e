import { Pencil, Plus, RefreshCw, Trash2 } from 'lucide-react'
import { useCallback, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { CohortBody, Trainee } from '@shared/practice/progress-api'
import { useAppStore } from '@renderer/stores/app-store'
import { draftOf, newDraft, type CohortDraft } from '../cohort-draft'
import { trainingApi as defaultApi, type TrainingApi, type TrainingOutcome } from '../training-api'
import { useProgressLabels } from '../use-progress-labels'
import { useTrainingLoad } from '../use-training-load'
import { CohortEditor } from './CohortEditor'
import { CohortList } from './CohortList'
import { CohortProgressView } from './CohortProgressView'
import { DeleteCohortDialog } from './DeleteCohortDialog'
import { LoadNotice } from './LoadNotice'
import { SessionReport } from './SessionReport'
import { TraineeProgressView } from './TraineeProgressView'
import '../training-progress.css'

type Notice = { tone: 'ok' | 'error'; text: string } | null

/**
 * Training → Progreso: the trainer's cohorts, each read as a table of its trainees, a
 * certification grid and where most of them fail; a trainee opened for their sessions and
 * scores, a session for its report. Cohorts are made, renamed, filled and deleted here.
 * Nothing is read until the tab is first opened (`active`): the scenarios tab is the one most
 * trainers come for, and the server need not count for a view nobody looked at.
 */
export function TrainingProgressPanel({
  api = defaultApi,
  active = true,
  traineeActions
}: {
  api?: TrainingApi
  active?: boolean
  /** What a trainer can do with an opened trainee (the workspace passes the role-play call). */
  traineeActions?: (trainee: Trainee) => ReactNode
}) {
  const { t } = useTranslation()
  const labels = useProgressLabels()
  const myId = useAppStore((s) => s.auth.user?.id ?? null)
  const [opened, setOpened] = useState(active)
  if (active && !opened) setOpened(true)

  const readCohorts = useCallback(() => api.listCohorts(), [api])
  const readTrainees = useCallback(() => api.listTrainees(), [api])
  const [cohorts, reloadCohorts] = useTrainingLoad(opened ? 'cohorts' : null, readCohorts)
  const [chosen, setChosen] = useState<string | null>(null)
  const list = cohorts.state === 'ready' ? cohorts.value : []
  const cohort = list.find((c) => c.id === chosen) ?? list[0] ?? null
  const [progress, reloadProgress] = useTrainingLoad(cohort?.id ?? null, api.cohortProgress)
  // The trainee and session opened belong to the cohort they were opened from.
  const [opening, setOpening] = useState<{ cohortId: string; traineeId: string } | null>(null)
  const traineeId = opening && opening.cohortId === cohort?.id ? opening.traineeId : null
  const [trainee, reloadTrainee] = useTrainingLoad(traineeId, api.traineeProgress)
  const [session, setSession] = useState<{ traineeId: string; sessionId: string } | null>(null)
  const sessionId = session && session.traineeId === traineeId ? session.sessionId : null

  const [editing, setEditing] = useState<CohortDraft | null>(null)
  const [candidates] = useTrainingLoad(editing ? 'trainees' : null, readTrainees)
  const [deleting, setDeleting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice>(null)

  const explain = (outcome: TrainingOutcome<unknown>, done: string) => {
    if (outcome.ok) setNotice({ tone: 'ok', text: done })
    else if (outcome.reason === 'failed')
      setNotice({
        tone: 'error',
        text: t('trainingProgress.notices.failed', { message: outcome.message })
      })
    else setNotice({ tone: 'error', text: t(`trainingProgress.notices.${outcome.reason}`) })
  }
  const save = async (id: string | null, body: CohortBody) => {
    setBusy(true)
    const outcome = await api.saveCohort(id, body)
    setBusy(false)
    explain(
      outcome,
      t('trainingProgress.notices.saved', { name: sanitizeDisplayText(body.name, 80) })
    )
    if (!outcome.ok) return
    setEditing(null)
    if (outcome.data) setChosen(outcome.data.id)
    reloadCohorts()
    reloadProgress()
  }
  const remove = async () => {
    if (!cohort) return
    setBusy(true)
    const outcome = await api.deleteCohort(cohort.id)
    setBusy(false)
    setDeleting(false)
    explain(
      outcome,
      t('trainingProgress.notices.deleted', { name: sanitizeDisplayText(cohort.name, 80) })
    )
    if (outcome.ok) {
      setChosen(null)
      reloadCohorts()
    }
  }

  return (
    <section className="panel training-progress" aria-labelledby="training-progress-heading">
      <div className="progress-head">
        <h2 id="training-progress-heading">{t('trainingProgress.heading')}</h2>
        {cohorts.state === 'ready' && (
          <button
            type="button"
            onClick={() => {
              // Trainees practise while the trainer reads: everything shown is read again.
              reloadCohorts()
              reloadProgress()
              reloadTrainee()
            }}
          >
            <RefreshCw size={14} aria-hidden="true" />
            {t('trainingProgress.refresh')}
          </button>
        )}
        {cohorts.state === 'ready' && (
          <button
            type="button"
            onClick={() => {
              setNotice(null)
              setEditing(newDraft())
            }}
          >
            <Plus size={14} aria-hidden="true" />
            {t('trainingProgress.cohorts.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('trainingProgress.hint')}</p>
      {notice && (
        <p
          role={notice.tone === 'ok' ? 'status' : 'alert'}
          className={notice.tone === 'ok' ? 'progress-notice' : 'error'}
        >
          {notice.text}
        </p>
      )}
      {cohorts.state !== 'ready' && cohorts.state !== 'idle' && (
        <LoadNotice load={cohorts} onRetry={reloadCohorts} />
      )}
      {cohorts.state === 'ready' && (
        <div className="progress-columns">
          <nav className="progress-side" aria-labelledby="progress-cohorts-heading">
            <h3 id="progress-cohorts-heading">{t('trainingProgress.cohorts.heading')}</h3>
            {list.length === 0 ? (
              <p className="progress-empty">{t('trainingProgress.cohorts.empty')}</p>
            ) : (
              <CohortList
                cohorts={list}
                selectedId={cohort?.id ?? null}
                myId={myId}
                onSelect={(id) => {
                  setChosen(id)
                  setEditing(null)
                }}
              />
            )}
            {cohort && (
              <div className="progress-actions">
                <button
                  type="button"
                  onClick={() => {
                    setNotice(null)
                    setEditing(draftOf(cohort))
                  }}
                >
                  <Pencil size={14} aria-hidden="true" />
                  {t('trainingProgress.cohorts.edit')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setDeleting(true)
                  }}
                >
                  <Trash2 size={14} aria-hidden="true" />
                  {t('trainingProgress.cohorts.delete')}
                </button>
              </div>
            )}
          </nav>
          <div className="progress-main">
            {editing ? (
              <CohortEditor
                key={editing.id ?? 'new'}
                initial={editing}
                candidates={candidates}
                busy={busy}
                onSave={(id, body) => void save(id, body)}
                onCancel={() => {
                  setEditing(null)
                }}
              />
            ) : traineeId !== null && trainee.state === 'ready' ? (
              <TraineeProgressView
                progress={trainee.value}
                labels={labels}
                selectedSessionId={sessionId}
                onOpenSession={(id) => {
                  setSession({ traineeId, sessionId: id })
                }}
                onBack={() => {
                  setOpening(null)
                }}
                actions={traineeActions?.(trainee.value.trainee)}
                report={
                  sessionId !== null && (
                    <SessionReport
                      key={sessionId}
                      api={api}
                      sessionId={sessionId}
                      labels={labels}
                      onClose={() => {
                        setSession(null)
                      }}
                    />
                  )
                }
              />
            ) : traineeId !== null && trainee.state !== 'idle' && trainee.state !== 'ready' ? (
              <LoadNotice load={trainee} />
            ) : progress.state === 'ready' ? (
              <CohortProgressView
                progress={progress.value}
                labels={labels}
                selectedTraineeId={traineeId}
                onOpenTrainee={(id) => {
                  if (cohort) setOpening({ cohortId: cohort.id, traineeId: id })
                }}
              />
            ) : progress.state !== 'idle' ? (
              <LoadNotice load={progress} onRetry={reloadProgress} />
            ) : null}
          </div>
        </div>
      )}
      {cohort && (
        <DeleteCohortDialog
          name={cohort.name}
          open={deleting}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => {
            setDeleting(false)
          }}
        />
      )}
    </section>
  )
}
