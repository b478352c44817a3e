import { useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import type { CompensationType } from '@shared/domain/compensation'
import type { ValueTier } from '@shared/domain/customer'
import { compensationTypes } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { isShortcut } from '../../shortcuts'
import { grantCompensation } from '../commands'
import { formatAmount } from '@renderer/i18n/format-amount'
import { useCompensationDirectory } from '../hooks/use-compensations'
import { useCustomer } from '../hooks/use-customer'

/** Ctrl+Enter compensates from the reason (Enter alone submits from the other fields). */
function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (isShortcut('form.submit', event)) {
    event.preventDefault()
    event.currentTarget.form?.requestSubmit()
  }
}

/**
 * Compensate the customer of a complaint: type, amount, currency and why. Within the agent's
 * authority it is granted at once; above it, it goes to the team lead. The hint shows the
 * authority for this customer's tier, so the agent knows before submitting.
 */
export function CompensationForm({
  complaint,
  customerId,
  practiceTier = null
}: {
  complaint: LocalComplaint
  /** Null on a practice complaint: its persona is compensated, at `practiceTier`. */
  customerId: string | null
  /** The persona's tier from the practice call's scenario; null when unknown (a request). */
  practiceTier?: ValueTier | null
}) {
  const { t, i18n } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? null)
  const { limits } = useCompensationDirectory()
  const customer = useCustomer(customerId)
  const [type, setType] = useState<CompensationType>('credit')
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const shownCurrency = currency ?? limits?.currency ?? 'EUR'
  const tier = customer?.tier ?? practiceTier
  const single =
    limits && tier && role
      ? (limits.perGrant.find((l) => l.role === role && l.tier === tier)?.maxAmount ?? 0)
      : null
  const idPrefix = `compensation-${complaint.id}`
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const value = Number(amount.replace(',', '.'))
    if (!Number.isFinite(value) || value <= 0 || Math.round(value * 100) !== value * 100) {
      setMessage({ text: t('compensation.invalidAmount'), error: true })
      return
    }
    if (reason.trim() === '') {
      setMessage({ text: t('compensation.reasonRequired'), error: true })
      return
    }
    void grantCompensation({
      complaintId: complaint.id,
      type,
      amount: value,
      currency: shownCurrency.trim().toUpperCase(),
      reason: reason.trim(),
      practiceTier
    }).then((result) => {
      if (!result.ok) {
        setMessage({ text: result.message, error: true })
        return
      }
      setMessage({
        text:
          result.compensation.status === 'granted'
            ? t('compensation.grantedNow')
            : t('compensation.sentForApproval'),
        error: false
      })
      setAmount('')
      setReason('')
    })
  }
  return (
    <form
      className="compensation-form"
      aria-label={t('compensation.formLabel', {
        description: sanitizeDisplayText(complaint.description, 60)
      })}
      onSubmit={submit}
    >
      {single !== null && tier && (
        <p className="hint">
          {t('compensation.authority', {
            tier: t(`card.tiers.${tier}`),
            amount: formatAmount(single, limits?.currency ?? shownCurrency, i18n.language)
          })}
        </p>
      )}
      <label htmlFor={`${idPrefix}-type`}>{t('compensation.type')}</label>
      <select
        id={`${idPrefix}-type`}
        value={type}
        onChange={(e) => {
          setType(compensationTypes.find((c) => c === e.target.value) ?? 'credit')
        }}
      >
        {compensationTypes.map((c) => (
          <option key={c} value={c}>
            {t(`compensation.types.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-amount`}>{t('compensation.amount')}</label>
      <input
        id={`${idPrefix}-amount`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value)
        }}
      />
      <label htmlFor={`${idPrefix}-currency`}>{t('compensation.currency')}</label>
      <input
        id={`${idPrefix}-currency`}
        maxLength={3}
        size={4}
        value={shownCurrency}
        onChange={(e) => {
          setCurrency(e.target.value.toUpperCase())
        }}
      />
      <label htmlFor={`${idPrefix}-reason`}>{t('compensation.reason')}</label>
      <textarea
        id={`${idPrefix}-reason`}
        maxLength={2000}
        value={reason}
        onKeyDown={submitOnCtrlEnter}
        onChange={(e) => {
          setReason(e.target.value)
        }}
      />
      <button type="submit">{t('compensation.submit')}</button>
      <span className="hint">{t('compensation.submitHint')}</span>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </form>
  )
}
