import { useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalCompensation } from '@shared/contract/worker'
import { sanitizeDisplayText } from '@shared/domain/text'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { formatAmount } from '@renderer/i18n/format-amount'
import { isShortcut } from '../../shortcuts'
import { fieldLabel } from '../field-label'
import { useCompensationDirectory, useComplaintTimeline } from '../../compensation'
import { dateTimeFormat } from '@renderer/i18n/formatters'

/** Adds a note to the timeline: journaled like every write, synced as `complaint.note`. */
function NoteForm({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputId = `complaint-note-${complaintId}`
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (note.trim() === '') return
    void dataClient()
      ?.send('complaint:note', { complaintId, note: note.trim() })
      .then((result) => {
        if (result.ok) setNote('')
        setError(result.ok ? null : result.error.message)
      })
  }
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isShortcut('form.submit', event)) {
      event.preventDefault()
      event.currentTarget.form?.requestSubmit()
    }
  }
  return (
    <form onSubmit={submit} aria-label={t('compensation.addNote')}>
      <label htmlFor={inputId}>{t('compensation.newNote')}</label>
      <textarea
        id={inputId}
        maxLength={2000}
        value={note}
        onKeyDown={submitOnCtrlEnter}
        onChange={(e) => {
          setNote(e.target.value)
        }}
      />
      <button type="submit">{t('compensation.addNote')}</button>
      <span className="hint">{t('compensation.noteHint')}</span>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}

/**
 * A complaint's history in order: filed, each lifecycle step, each compensation granted,
 * requested, approved or rejected, with who and when, and the note left with it.
 */
export function ComplaintTimeline({
  complaintId,
  compensations
}: {
  complaintId: string
  compensations: readonly LocalCompensation[]
}) {
  const { t, i18n } = useTranslation()
  const entries = useComplaintTimeline(complaintId)
  const { users } = useCompensationDirectory()
  const me = useAppStore((s) => s.auth.user)
  const mayNote = me !== null && me.role !== 'trainer'
  const time = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const nameOf = (actorId: string | null): string => {
    if (actorId === null || actorId === me?.id) return t('compensation.you')
    const user = users.find((u) => u.id === actorId)
    return user ? sanitizeDisplayText(user.displayName, 60) : t('compensation.unknownUser')
  }
  return (
    <section aria-label={t('compensation.timeline')}>
      <h4>{t('compensation.timeline')}</h4>
      <ol className="timeline">
        {entries.map((e) => {
          const compensation = compensations.find((c) => c.id === e.compensationId)
          return (
            <li key={e.id}>
              <span className="when">{time.format(new Date(e.at))}</span>{' '}
              <strong>{t(`compensation.events.${e.action}`)}</strong>
              {compensation && (
                <span>
                  {' '}
                  {t(`compensation.types.${compensation.type}`)}{' '}
                  {formatAmount(compensation.amount, compensation.currency, i18n.language)}
                </span>
              )}{' '}
              {e.fields.length > 0 && (
                <span>: {e.fields.map((f) => fieldLabel(f, t)).join(', ')}</span>
              )}{' '}
              <span>· {nameOf(e.actorId)}</span>
              {e.assigneeId !== null && (
                <span> {t('complaintWork.to', { name: nameOf(e.assigneeId) })}</span>
              )}
              {e.pending && <span className="badge pending">{t('compensation.waitingSync')}</span>}
              {e.note !== null && <p>{sanitizeDisplayText(e.note, 500)}</p>}
            </li>
          )
        })}
      </ol>
      {mayNote && <NoteForm complaintId={complaintId} />}
    </section>
  )
}
