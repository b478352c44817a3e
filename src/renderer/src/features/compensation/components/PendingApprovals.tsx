import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalCompensation } from '@shared/contract/worker'
import type { CompensationDecision } from '@shared/domain/compensation-record'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { decideCompensation } from '../commands'
import { formatAmount } from '@renderer/i18n/format-amount'
import { useCompensationDirectory, useCompensations } from '../hooks/use-compensations'

function PendingRequest({ request, agentName }: { request: LocalCompensation; agentName: string }) {
  const { t, i18n } = useTranslation()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const amount = formatAmount(request.amount, request.currency, i18n.language)
  const customer = sanitizeDisplayText(
    request.customerName ?? t('compensation.unknownCustomer'),
    80
  )
  const subject = { amount, customer, agent: agentName }
  const decide = (decision: CompensationDecision) => {
    if (decision === 'reject' && reason.trim() === '') {
      setError(t('compensation.approvals.reasonRequired'))
      return
    }
    void decideCompensation(request.id, decision, reason.trim()).then((result) => {
      setError(result.ok ? null : result.message)
    })
  }
  const reasonId = `decision-reason-${request.id}`
  return (
    <li aria-label={t('compensation.approvals.requestLabel', subject)}>
      <p>
        <strong>{amount}</strong> · {t(`compensation.types.${request.type}`)} · {customer}
        {request.tier && ` · ${t(`card.tiers.${request.tier}`)}`}
      </p>
      <p>
        {t('compensation.approvals.requestedBy', { agent: agentName })}
        {request.approvalReason &&
          ` · ${t(`compensation.approvalReasons.${request.approvalReason}`)}`}
      </p>
      <p>{sanitizeDisplayText(request.reason, 500)}</p>
      <label htmlFor={reasonId}>{t('compensation.approvals.decisionReason', subject)}</label>
      <input
        id={reasonId}
        value={reason}
        maxLength={2000}
        onChange={(e) => {
          setReason(e.target.value)
        }}
      />
      <button
        type="button"
        aria-label={t('compensation.approvals.approveLabel', subject)}
        onClick={() => {
          decide('approve')
        }}
      >
        {t('compensation.approvals.approve')}
      </button>
      <button
        type="button"
        aria-label={t('compensation.approvals.rejectLabel', subject)}
        onClick={() => {
          decide('reject')
        }}
      >
        {t('compensation.approvals.reject')}
      </button>
      {(error ?? request.refusedReason) !== null && (
        <p role="alert" className="error">
          {error ?? t('compensation.refused', { reason: request.refusedReason ?? '' })}
        </p>
      )}
    </li>
  )
}

/**
 * The lead's queue of compensation requests above an agent's authority. A request arrives by
 * pull right after the realtime poke, so it appears without a reload, with an alert.
 */
export function PendingApprovals() {
  const { t } = useTranslation()
  const me = useAppStore((s) => s.auth.user)
  const requests = useCompensations(null, 'pending')
  const { users } = useCompensationDirectory()
  // Nobody decides their own request (one written here and not yet synced is one too).
  const decidable = requests.filter((r) => r.requestedBy !== null && r.requestedBy !== me?.id)
  const nameOf = (id: string | null) => {
    const user = users.find((u) => u.id === id)
    return user ? sanitizeDisplayText(user.displayName, 60) : t('compensation.unknownUser')
  }
  return (
    <section className="panel pending-approvals" aria-labelledby="pending-approvals-heading">
      <h2 id="pending-approvals-heading">{t('compensation.approvals.heading')}</h2>
      <div role="alert">
        {decidable.length > 0 && (
          <p className="alert">{t('compensation.approvals.alert', { count: decidable.length })}</p>
        )}
      </div>
      {decidable.length === 0 ? (
        <p className="hint">{t('compensation.approvals.none')}</p>
      ) : (
        <ul className="approval-list">
          {decidable.map((r) => (
            <PendingRequest key={r.id} request={r} agentName={nameOf(r.requestedBy)} />
          ))}
        </ul>
      )}
    </section>
  )
}
