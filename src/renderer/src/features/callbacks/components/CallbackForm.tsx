import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { MAX_CALLBACK_NOTE } from '@shared/domain/callback'
import { toE164 } from '@shared/phone/normalize'
import { useAppStore } from '@renderer/stores/app-store'
import { defaultCountry } from '@renderer/settings/caller-id-settings'
import type { CallbackDraft } from '../../wrap-up'
import { scheduleCallback } from '../commands'
import { defaultDue, fromLocalInput, toLocalInput } from '../local-time'

type CallbackFormProps = { draft: CallbackDraft }

/** Schedules a callback, prefilled from the call, the card or a script; Enter saves. */
export function CallbackForm({ draft }: CallbackFormProps) {
  const { t } = useTranslation()
  const [contactName, setContactName] = useState(draft.contactName)
  const [phone, setPhone] = useState(draft.phone)
  const [due, setDue] = useState(() =>
    toLocalInput(draft.dueAt ? new Date(draft.dueAt) : defaultDue(new Date()))
  )
  const [note, setNote] = useState(draft.note)
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLInputElement>(null)

  useEffect(() => {
    first.current?.focus()
  }, [])

  const submit = async (): Promise<void> => {
    const phoneE164 = toE164(phone, defaultCountry())
    const dueAt = fromLocalInput(due)
    if (!phoneE164) {
      setError(t('callbacks.invalidPhone'))
      return
    }
    if (!dueAt) {
      setError(t('callbacks.invalidDue'))
      return
    }
    const result = await scheduleCallback({
      customerId: draft.customerId,
      contactName: contactName.trim(),
      phoneE164,
      dueAt: dueAt.toISOString(),
      note: note.trim(),
      practice: draft.practice,
      callId: draft.callId
    })
    if (!result.ok) setError(result.error.message)
  }

  return (
    <form
      className="callback-form"
      aria-label={t('callbacks.formHeading')}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3>{t('callbacks.formHeading')}</h3>
      {draft.practice && <p className="badge">{t('softphone.practiceBadge')}</p>}
      <label>
        {t('callbacks.contactName')}
        <input
          ref={first}
          value={contactName}
          maxLength={200}
          onChange={(e) => {
            setContactName(e.target.value)
          }}
        />
      </label>
      <label>
        {t('callbacks.phone')}
        <input
          type="tel"
          value={phone}
          required
          onChange={(e) => {
            setPhone(e.target.value)
          }}
        />
      </label>
      <label>
        {t('callbacks.due')}
        <input
          type="datetime-local"
          value={due}
          required
          onChange={(e) => {
            setDue(e.target.value)
          }}
        />
      </label>
      <label>
        {t('callbacks.note')}
        <textarea
          value={note}
          maxLength={MAX_CALLBACK_NOTE}
          onChange={(e) => {
            setNote(e.target.value)
          }}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {t('callbacks.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            useAppStore.getState().callbackDraftClosed()
          }}
        >
          {t('callbacks.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}
