import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import { complaintCategories, complaintChannels } from '@shared/domain/complaint'
import {
  editableValuesOf,
  productEditValue,
  productOfEditValue,
  type EditableValues,
  type EditValue
} from '@shared/domain/complaint-edit'
import { severities } from '@shared/domain/complaint-severity'
import { qualityDimensions } from '@shared/domain/quality-dimensions'
import { sanitizeDisplayText } from '@shared/domain/text'
import { isShortcut } from '../../shortcuts'
import { categoryLabel, labelLanguage } from '../category-label'
import { updateComplaint } from '../commands'
import { useComplaintCategories } from '../hooks/use-complaint-categories'
import { ChoiceSelect } from '@renderer/ui/ChoiceSelect'
import { ComplaintEditProductField } from './ComplaintEditProductField'

const FREE_TEXT_MAX = 2000

/** A typed product name saved without its surrounding spaces (and none when only spaces). */
function trimmedProduct(value: EditValue): EditValue {
  const p = productOfEditValue(value)
  return productEditValue({ productCode: p.productCode, productName: p.productName.trim() })
}

/**
 * Edits a filed complaint's fields, offline too. What the form showed when it opened is each
 * field's base: the server merges field by field against it, so an edit never silently undoes
 * someone else's. Ctrl+Enter saves, Escape cancels.
 */
export function ComplaintEditForm({
  complaint,
  onDone
}: {
  complaint: LocalComplaint
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const configured = useComplaintCategories()
  const [before] = useState<EditableValues>(() => editableValuesOf(complaint))
  const [values, setValues] = useState<EditableValues>(before)
  const [invalid, setInvalid] = useState(false)
  const first = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  const set = (patch: Partial<EditableValues>) => {
    setValues((v) => ({ ...v, ...patch }))
  }
  const lang = labelLanguage(i18n.language)
  const category = values.category ?? ''
  const categoryCodes =
    configured.length > 0 ? configured.map((c) => c.code) : [...complaintCategories]
  if (!categoryCodes.includes(category)) categoryCodes.push(category)
  const subcategories =
    configured.find((c) => c.code === category)?.subcategories.filter((s) => s.active) ?? []
  const description = sanitizeDisplayText(complaint.description, 60)

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const after: EditableValues = {
      ...values,
      description: (values.description ?? '').trim(),
      expected: (values.expected ?? '').trim(),
      received: (values.received ?? '').trim(),
      requestedRemedy: (values.requestedRemedy ?? '').trim(),
      product: trimmedProduct(values.product)
    }
    if ((after.description ?? '').length < 3) {
      setInvalid(true)
      first.current?.focus()
      return
    }
    if (await updateComplaint(complaint.id, before, after)) onDone()
  }
  // On every field (a form cannot take key handlers and stay accessible).
  const onKeyDown = (
    event: KeyboardEvent<HTMLTextAreaElement | HTMLSelectElement | HTMLInputElement>
  ) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onDone()
    } else if (isShortcut('form.submit', event)) {
      event.preventDefault()
      event.currentTarget.form?.requestSubmit()
    }
  }
  const text = (field: 'description' | 'expected' | 'received' | 'requestedRemedy') =>
    values[field] ?? ''

  return (
    <form
      className="complaint-form complaint-edit"
      aria-label={t('complaints.edit.formLabel', { description })}
      onSubmit={(e) => void submit(e)}
    >
      <p className="muted">{t('complaints.edit.hint')}</p>
      <label>
        {t('complaints.description')}
        <textarea
          onKeyDown={onKeyDown}
          ref={first}
          rows={3}
          maxLength={4000}
          value={text('description')}
          aria-invalid={invalid}
          onChange={(e) => {
            set({ description: e.target.value })
          }}
        />
      </label>
      <ChoiceSelect
        label={t('complaints.category')}
        options={categoryCodes}
        optionLabel={(c) => categoryLabel(c, configured, t, i18n.language)}
        value={category}
        onKeyDown={onKeyDown}
        onChange={(chosen) => {
          if (chosen !== null) set({ category: chosen, subcategory: null })
        }}
      />
      <ChoiceSelect
        label={t('complaints.subcategory')}
        options={subcategories.map((s) => s.code)}
        optionLabel={(code) => subcategories.find((s) => s.code === code)?.label[lang] ?? code}
        value={values.subcategory ?? null}
        emptyLabel={t('complaints.notSet')}
        onKeyDown={onKeyDown}
        onChange={(subcategory) => {
          set({ subcategory })
        }}
      />
      <ComplaintEditProductField
        customerId={complaint.customerId}
        value={values.product}
        onKeyDown={onKeyDown}
        onChange={(product) => {
          set({ product })
        }}
      />
      <ChoiceSelect
        label={t('complaints.channel')}
        options={complaintChannels}
        optionLabel={(c) => t(`complaints.channels.${c}`)}
        value={values.channel ?? null}
        emptyLabel={t('complaints.notSet')}
        onKeyDown={onKeyDown}
        onChange={(channel) => {
          set({ channel })
        }}
      />
      <ChoiceSelect
        label={t('complaints.severity')}
        options={severities}
        optionLabel={(s) => t(`complaints.severities.${s}`)}
        value={values.severity ?? 'medium'}
        onKeyDown={onKeyDown}
        onChange={(severity) => {
          set({ severity: severity ?? 'medium' })
        }}
      />
      <ChoiceSelect
        label={t('complaints.dimension')}
        options={qualityDimensions}
        optionLabel={(d) => t(`complaints.dimensions.${d}`)}
        value={values.qualityDimension ?? null}
        emptyLabel={t('complaints.notSet')}
        onKeyDown={onKeyDown}
        onChange={(qualityDimension) => {
          set({ qualityDimension })
        }}
      />
      {(['expected', 'received'] as const).map((field) => (
        <label key={field}>
          {t(`complaints.${field}`)}
          <textarea
            onKeyDown={onKeyDown}
            rows={2}
            maxLength={FREE_TEXT_MAX}
            value={text(field)}
            onChange={(e) => {
              set({ [field]: e.target.value })
            }}
          />
        </label>
      ))}
      <label>
        {t('complaints.requestedRemedy')}
        <input
          onKeyDown={onKeyDown}
          type="text"
          maxLength={FREE_TEXT_MAX}
          value={text('requestedRemedy')}
          onChange={(e) => {
            set({ requestedRemedy: e.target.value })
          }}
        />
      </label>
      {invalid && (
        <p role="alert" className="error">
          {t('complaints.tooShort')}
        </p>
      )}
      <button type="submit">{t('complaints.edit.save')}</button>{' '}
      <button type="button" onClick={onDone}>
        {t('complaints.edit.cancel')}
      </button>
    </form>
  )
}
