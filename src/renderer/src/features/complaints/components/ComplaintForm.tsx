import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import {
  complaintCategories,
  complaintDueAt,
  type ComplaintChannel
} from '@shared/domain/complaint'
import { severities, type Severity } from '@shared/domain/complaint-severity'
import { fullName } from '@shared/domain/customer'
import { qualityDimensions, type QualityDimension } from '@shared/domain/quality-dimensions'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { isShortcut } from '../../shortcuts'
import { categoryLabel, labelLanguage } from '../category-label'
import { saveComplaint } from '../commands'
import { defaultChannel } from '../complaint-channel'
import { choiceOf, noProductChoice, productToSave, type ProductChoice } from '../complaint-product'
import { useComplaintCategories } from '../hooks/use-complaint-categories'
import type { ComplaintDraft } from '../store'
import { ChoiceSelect } from '@renderer/ui/ChoiceSelect'
import { ComplaintChannelField } from './ComplaintChannelField'
import { ComplaintProductField } from './ComplaintProductField'
import { dateTimeFormat } from '@renderer/i18n/formatters'

const FREE_TEXT_MAX = 2000

/** Ctrl+Enter saves from a text area (Enter alone saves from the other fields). */
function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (isShortcut('form.submit', event)) {
    event.preventDefault()
    event.currentTarget.form?.requestSubmit()
  }
}

/**
 * Whom the complaint is for. Its own component: the card's customer changes on every ring, and
 * the whole form (every select translated) must not re-render with it while a call rings.
 */
function ComplaintCustomerLine() {
  const { t } = useTranslation()
  const customer = useAppStore((s) => s.screenPop.customer)
  return (
    <p className="muted">
      {customer
        ? t('complaints.forCustomer', { name: sanitizeDisplayText(fullName(customer)) })
        : t('complaints.noCustomer')}
    </p>
  )
}

export function ComplaintForm() {
  const { t, i18n } = useTranslation()
  const error = useAppStore((s) => s.complaints.error)
  const configured = useComplaintCategories()
  const [category, setCategory] = useState<string>('service_quality')
  const [subcategory, setSubcategory] = useState<string | null>(null)
  const [severity, setSeverity] = useState<Severity>('medium')
  const [dimension, setDimension] = useState<QualityDimension | null>(null)
  const [description, setDescription] = useState('')
  const [expected, setExpected] = useState('')
  const [received, setReceived] = useState('')
  const [remedy, setRemedy] = useState('')
  const [product, setProduct] = useState<ProductChoice>(noProductChoice)
  // Undefined until the user picks one: then the call decides (the phone while one is on).
  const [channel, setChannel] = useState<ComplaintChannel | null | undefined>(undefined)
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
    setSubcategory(draft.subcategory ?? null)
    setSeverity(draft.severity ?? 'medium')
    setDimension(draft.qualityDimension ?? null)
    setDescription(draft.description)
    setExpected(draft.expected ?? '')
    setReceived(draft.received ?? '')
    setRemedy(draft.requestedRemedy ?? '')
    setProduct(
      choiceOf({ productCode: draft.productCode ?? null, productName: draft.productName ?? '' })
    )
    setChannel(draft.channel)
  }
  useEffect(() => {
    if (draft) descriptionRef.current?.focus()
  }, [draft])

  const lang = labelLanguage(i18n.language)
  const categoryCodes =
    configured.length > 0 ? configured.map((c) => c.code) : [...complaintCategories]
  if (!categoryCodes.includes(category)) categoryCodes.push(category)
  const subcategories =
    configured.find((c) => c.code === category)?.subcategories.filter((s) => s.active) ?? []
  // What the due time will be if saved now; the worker stamps the real filing time.
  const dueAt = complaintDueAt(new Date().toISOString(), severity)
  const time = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (description.trim().length < 3) {
      setInvalid(true)
      descriptionRef.current?.focus()
      return
    }
    setSaving(true)
    // Read at the moment of saving: the card and the call may have changed since the last render.
    const { screenPop, phone } = useAppStore.getState()
    const saved = await saveComplaint({
      category,
      description: description.trim(),
      subcategory: subcategories.some((s) => s.code === subcategory) ? subcategory : null,
      severity,
      qualityDimension: dimension,
      expected: expected.trim(),
      received: received.trim(),
      requestedRemedy: remedy.trim(),
      ...productToSave(product, screenPop.customer?.products ?? []),
      channel: channel === undefined ? defaultChannel(phone.call !== null) : channel
    })
    setSaving(false)
    if (saved) {
      setDescription('')
      setExpected('')
      setReceived('')
      setRemedy('')
      setSubcategory(null)
      setDimension(null)
      setSeverity('medium')
      setProduct(noProductChoice)
      setChannel(undefined)
      setInvalid(false)
    }
  }

  return (
    <form
      className="complaint-form"
      aria-label={t('complaints.newHeading')}
      aria-describedby="complaint-form-hint"
      onSubmit={(e) => void submit(e)}
    >
      <ComplaintCustomerLine />
      <p id="complaint-form-hint" className="muted">
        {t('complaints.saveHint')}
      </p>
      <ChoiceSelect
        label={t('complaints.category')}
        options={categoryCodes}
        optionLabel={(c) => categoryLabel(c, configured, t, i18n.language)}
        value={category}
        onChange={(chosen) => {
          if (chosen === null) return
          setCategory(chosen)
          setSubcategory(null)
        }}
      />
      <ChoiceSelect
        label={t('complaints.subcategory')}
        options={subcategories.map((s) => s.code)}
        optionLabel={(code) => subcategories.find((s) => s.code === code)?.label[lang] ?? code}
        value={subcategory}
        emptyLabel={t('complaints.notSet')}
        disabled={subcategories.length === 0}
        onChange={setSubcategory}
      />
      <ComplaintProductField value={product} onChange={setProduct} />
      <ComplaintChannelField chosen={channel} onChange={setChannel} />
      <ChoiceSelect
        label={t('complaints.severity')}
        options={severities}
        optionLabel={(s) => t(`complaints.severities.${s}`)}
        value={severity}
        describedBy="complaint-due-at"
        onChange={(chosen) => {
          setSeverity(chosen ?? 'medium')
        }}
      />
      <p id="complaint-due-at" className="muted">
        {t('complaints.dueBy', { time: time.format(new Date(dueAt)) })}
      </p>
      <ChoiceSelect
        label={t('complaints.dimension')}
        options={qualityDimensions}
        optionLabel={(d) => t(`complaints.dimensions.${d}`)}
        value={dimension}
        emptyLabel={t('complaints.notSet')}
        onChange={setDimension}
      />
      <label>
        {t('complaints.description')}
        <textarea
          ref={descriptionRef}
          rows={3}
          maxLength={4000}
          onKeyDown={submitOnCtrlEnter}
          value={description}
          aria-invalid={invalid}
          onChange={(e) => {
            setDescription(e.target.value)
          }}
        />
      </label>
      <label>
        {t('complaints.expected')}
        <textarea
          rows={2}
          maxLength={FREE_TEXT_MAX}
          onKeyDown={submitOnCtrlEnter}
          value={expected}
          onChange={(e) => {
            setExpected(e.target.value)
          }}
        />
      </label>
      <label>
        {t('complaints.received')}
        <textarea
          rows={2}
          maxLength={FREE_TEXT_MAX}
          onKeyDown={submitOnCtrlEnter}
          value={received}
          onChange={(e) => {
            setReceived(e.target.value)
          }}
        />
      </label>
      <label>
        {t('complaints.requestedRemedy')}
        <input
          type="text"
          maxLength={FREE_TEXT_MAX}
          value={remedy}
          onChange={(e) => {
            setRemedy(e.target.value)
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
