import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { complaintCategories, type ComplaintCategory } from '../../../../../shared/domain/complaint'
import { fullName } from '../../../../../shared/domain/customer'
import { sanitizeDisplayText } from '../../../../../shared/domain/text'
import { useAppStore } from '../../../stores/app-store'
import { saveComplaint } from '../commands'
import type { ComplaintDraft } from '../store'

export function ComplaintForm() {
  const { t } = useTranslation()
  const customer = useAppStore((s) => s.screenPop.customer)
  const error = useAppStore((s) => s.complaints.error)
  const [category, setCategory] = useState<ComplaintCategory>('service_quality')
  const [description, setDescription] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [saving, setSaving] = useState(false)
  const draft = useAppStore((s) => s.complaints.draft)
  const [shownDraft, setShownDraft] = useState<ComplaintDraft | null>(null)
  const descriptionRef = useRef<HTMLTextAreaElement>(null)

  // A rejected complaint sent back for correction fills the form once (adjusting state while
  // rendering, as React recommends, rather than in an effect).
  if (draft && draft !== shownDraft) {
    setShownDraft(draft)
    setCategory(draft.category)
    setDescription(draft.description)
  }
  useEffect(() => {
    if (draft) descriptionRef.current?.focus()
  }, [draft])

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (description.trim().length < 3) {
      setInvalid(true)
      return
    }
    setSaving(true)
    const saved = await saveComplaint({ category, description: description.trim() })
    setSaving(false)
    if (saved) {
      setDescription('')
      setInvalid(false)
    }
  }

  return (
    <form
      className="complaint-form"
      aria-labelledby="complaints-heading"
      onSubmit={(e) => void submit(e)}
    >
      <p className="muted">
        {customer
          ? t('complaints.forCustomer', { name: sanitizeDisplayText(fullName(customer)) })
          : t('complaints.noCustomer')}
      </p>
      <label>
        {t('complaints.category')}
        <select
          value={category}
          onChange={(e) => {
            const next = complaintCategories.find((c) => c === e.target.value)
            if (next) setCategory(next)
          }}
        >
          {complaintCategories.map((c) => (
            <option key={c} value={c}>
              {t(`complaints.categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.description')}
        <textarea
          ref={descriptionRef}
          rows={3}
          maxLength={4000}
          value={description}
          aria-invalid={invalid}
          onChange={(e) => {
            setDescription(e.target.value)
          }}
        />
      </label>
      {invalid && (
        <p role="alert" className="error">
          {t('complaints.tooShort')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {t('complaints.save')}
      </button>
    </form>
  )
}
