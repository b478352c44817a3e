import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import {
  availableActions,
  countsAgainstSla,
  lifecycleStatuses
} from '@shared/domain/complaint-lifecycle'
import { slaStatus } from '@shared/domain/complaint-severity'
import type { Role } from '@shared/domain/user'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { categoryLabel } from '../category-label'
import { useNow } from '@renderer/hooks/useNow'
import { discardComplaint, fixComplaint, transitionComplaint } from '../commands'
import { useComplaintCategories } from '../hooks/use-complaint-categories'
import { ComplaintConflicts } from './ComplaintConflicts'
import { ComplaintDetail } from './ComplaintDetail'
import { ComplaintEditForm } from './ComplaintEditForm'
import { ComplaintFilters } from './ComplaintFilters'
import { ComplaintOwnership } from './ComplaintOwnership'
import { SlaCountdown } from './SlaCountdown'
import { dateTimeFormat } from '@renderer/i18n/formatters'

function SyncBadge({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  if (complaint.syncState === 'synced' && complaint.caseNumber) {
    return (
      <span className="badge ok">
        {t('complaints.synced', { caseNumber: complaint.caseNumber })}
      </span>
    )
  }
  if (complaint.syncState === 'rejected') {
    return (
      <span className="badge warn">
        {t('complaints.rejected', { reason: complaint.rejectReason ?? '' })}
      </span>
    )
  }
  return <span className="badge pending">{t('complaints.pending')}</span>
}

const slaBadgeClass = { on_time: 'ok', due_soon: 'pending', breached: 'warn' } as const

function lifecycleStatusOf(complaint: LocalComplaint) {
  return lifecycleStatuses.find((s) => s === complaint.status) ?? 'open'
}

/** Where an open case stands against its due time; null once resolved or without one. */
function openSla(complaint: LocalComplaint, now: Date) {
  if (complaint.dueAt === null || !countsAgainstSla(lifecycleStatusOf(complaint))) return null
  const sla = slaStatus({
    createdAt: complaint.createdAt,
    dueAt: complaint.dueAt,
    resolvedAt: null,
    now
  })
  return sla === 'met' || sla === 'missed' ? null : sla
}

/** The SLA state of an open case with its countdown; nothing once resolved or without one. */
function SlaBadge({ complaint, now }: { complaint: LocalComplaint; now: Date }) {
  const { t } = useTranslation()
  const sla = openSla(complaint, now)
  if (sla === null || complaint.dueAt === null) return null
  return (
    <>
      <span className={`badge ${slaBadgeClass[sla]}`}>{t(`complaints.sla.${sla}`)}</span>{' '}
      <SlaCountdown dueAt={complaint.dueAt} now={now} />
    </>
  )
}

/** The lifecycle steps this user may take on the case now (the server checks them again). */
function LifecycleActions({ complaint, role }: { complaint: LocalComplaint; role: Role }) {
  const { t } = useTranslation()
  const description = sanitizeDisplayText(complaint.description, 60)
  const actions = availableActions(lifecycleStatusOf(complaint), role)
  if (actions.length === 0) return null
  return (
    <span className="row-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          aria-label={t('complaints.actionLabel', {
            action: t(`complaints.actions.${action}`),
            description
          })}
          onClick={() => void transitionComplaint(complaint.id, action)}
        >
          {t(`complaints.actions.${action}`)}
        </button>
      ))}
    </span>
  )
}

/** A rejected complaint is never dropped silently: the agent fixes it or discards it. */
function RejectedActions({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  const description = sanitizeDisplayText(complaint.description, 60)
  return (
    <span className="row-actions">
      <button
        type="button"
        aria-label={t('complaints.fixLabel', { description })}
        onClick={() => void fixComplaint(complaint)}
      >
        {t('complaints.fix')}
      </button>
      <button
        type="button"
        aria-label={t('complaints.discardLabel', { description })}
        onClick={() => void discardComplaint(complaint.id)}
      >
        {t('complaints.discard')}
      </button>
    </span>
  )
}

/** Opens and closes a complaint's detail (compensations and timeline) under its line. */
function DetailToggle({
  complaint,
  open,
  onToggle
}: {
  complaint: LocalComplaint
  open: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={`complaint-detail-${complaint.id}`}
      aria-label={t('compensation.detailLabel', {
        description: sanitizeDisplayText(complaint.description, 60)
      })}
      onClick={onToggle}
    >
      {t('compensation.detail')}
    </button>
  )
}

const MAY_EDIT: readonly string[] = ['agent', 'team_lead', 'admin']

/** Whether this user may edit the case now (the server checks team and status again). */
function mayEdit(complaint: LocalComplaint, role: Role | null): boolean {
  return (
    role !== null &&
    MAY_EDIT.includes(role) &&
    complaint.syncState !== 'rejected' &&
    lifecycleStatusOf(complaint) !== 'closed'
  )
}

/** Why the server refused the last edit made here; the fields are back as they were. */
function EditRefused({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  if (complaint.editRefused === null) return null
  return (
    <p role="alert" className="error">
      {t('complaints.edit.refused', { reason: complaint.editRefused })}{' '}
      <button
        type="button"
        aria-label={t('complaints.dismissRefusalLabel', {
          description: sanitizeDisplayText(complaint.description, 60)
        })}
        onClick={() => void discardComplaint(complaint.id)}
      >
        {t('complaints.dismissRefusal')}
      </button>
    </p>
  )
}

export function ComplaintList() {
  const { t, i18n } = useTranslation()
  const items = useAppStore((s) => s.complaints.items)
  const configured = useComplaintCategories()
  const user = useAppStore((s) => s.auth.user)
  const role = user?.role ?? null
  const now = useNow()
  const [openId, setOpenId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const time = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section aria-labelledby="complaint-list-heading">
      <h3 id="complaint-list-heading">{t('complaints.list')}</h3>
      <ComplaintFilters />
      {items.length === 0 ? (
        <p className="muted">{t('complaints.none')}</p>
      ) : (
        <ul className="complaint-list">
          {items.map((c) => (
            <li
              key={c.id}
              aria-label={sanitizeDisplayText(c.description, 60)}
              className={openSla(c, now) === 'breached' ? 'breached' : undefined}
            >
              <span className="when">{time.format(new Date(c.createdAt))}</span>{' '}
              <span>{categoryLabel(c.category, configured, t, i18n.language)}</span>{' '}
              {c.practice && <span className="badge">{t('softphone.practiceBadge')}</span>}{' '}
              <span className="badge">
                {t('complaints.severityBadge', {
                  severity: t(`complaints.severities.${c.severity}`)
                })}
              </span>{' '}
              <span className="badge">{t(`complaints.statuses.${lifecycleStatusOf(c)}`)}</span>{' '}
              <SlaBadge complaint={c} now={now} /> <SyncBadge complaint={c} />
              {c.syncState === 'rejected' && <RejectedActions complaint={c} />}
              {c.syncState !== 'rejected' && role !== null && (
                <LifecycleActions complaint={c} role={role} />
              )}
              {c.transitionRefused !== null && (
                <p role="alert" className="error">
                  {t('complaints.transitionRefused', { reason: c.transitionRefused })}{' '}
                  <button
                    type="button"
                    aria-label={t('complaints.dismissRefusalLabel', {
                      description: sanitizeDisplayText(c.description, 60)
                    })}
                    onClick={() => void discardComplaint(c.id)}
                  >
                    {t('complaints.dismissRefusal')}
                  </button>
                </p>
              )}
              {user !== null && c.syncState !== 'rejected' && (
                <ComplaintOwnership complaint={c} user={user} />
              )}
              <EditRefused complaint={c} />
              <ComplaintConflicts complaint={c} />
              <p>{sanitizeDisplayText(c.description, 300)}</p>
              {mayEdit(c, role) && editingId !== c.id && (
                <button
                  type="button"
                  aria-label={t('complaints.edit.label', {
                    description: sanitizeDisplayText(c.description, 60)
                  })}
                  onClick={() => {
                    setEditingId(c.id)
                  }}
                >
                  {t('complaints.edit.open')}
                </button>
              )}{' '}
              {editingId === c.id && (
                <ComplaintEditForm
                  complaint={c}
                  onDone={() => {
                    setEditingId(null)
                  }}
                />
              )}
              <DetailToggle
                complaint={c}
                open={openId === c.id}
                onToggle={() => {
                  setOpenId((current) => (current === c.id ? null : c.id))
                }}
              />
              {openId === c.id && (
                <div id={`complaint-detail-${c.id}`}>
                  <ComplaintDetail complaint={c} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
