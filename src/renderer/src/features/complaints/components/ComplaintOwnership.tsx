import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import {
  assignmentRefusal,
  escalationRefusal,
  isEscalationOpen,
  ownerOf,
  type OwnedComplaint
} from '@shared/domain/complaint-ownership'
import type { SessionUser } from '@shared/domain/user'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useCompensationDirectory } from '../../compensation'
import { assignComplaint, escalateComplaint } from '../commands'

type ComplaintOwnershipProps = { complaint: LocalComplaint; user: SessionUser }

function ownedOf(c: LocalComplaint): OwnedComplaint {
  return {
    teamId: c.teamId,
    status: c.status,
    agentId: c.agentId,
    assigneeId: c.assigneeId,
    escalatedAt: c.escalatedAt
  }
}

/** An agent's escalation to the lead: a reason, then send (Enter) or cancel. */
function EscalateForm({
  complaint,
  description
}: {
  complaint: LocalComplaint
  description: string
}) {
  const { t } = useTranslation()
  const [isOpen, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const reasonRef = useRef<HTMLInputElement>(null)
  // Keyboard first: the reason field takes the focus the button had.
  useEffect(() => {
    if (isOpen) reasonRef.current?.focus()
  }, [isOpen])
  if (!isOpen) {
    return (
      <button
        type="button"
        aria-label={t('complaintWork.escalateLabel', { description })}
        onClick={() => {
          setOpen(true)
        }}
      >
        {t('complaintWork.escalate')}
      </button>
    )
  }
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (reason.trim().length < 3) return
    if (await escalateComplaint(complaint.id, reason.trim())) {
      setOpen(false)
      setReason('')
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('complaintWork.reason')}
        <input
          value={reason}
          minLength={3}
          maxLength={2000}
          required
          ref={reasonRef}
          onChange={(e) => {
            setReason(e.target.value)
          }}
        />
      </label>
      <button type="submit">{t('complaintWork.sendEscalation')}</button>
      <button
        type="button"
        onClick={() => {
          setOpen(false)
        }}
      >
        {t('complaintWork.cancel')}
      </button>
    </form>
  )
}

/** A lead's (or admin's) choice of who in the case's team works it. */
function AssignControl({
  complaint,
  user,
  description
}: ComplaintOwnershipProps & { description: string }) {
  const { t } = useTranslation()
  const { users } = useCompensationDirectory()
  const [assigneeId, setAssigneeId] = useState('')
  const actor = { userId: user.id, role: user.role, teamId: user.teamId }
  const candidates = users.filter(
    (u) =>
      assignmentRefusal(actor, ownedOf(complaint), { id: u.id, role: u.role, teamId: u.teamId }) ===
      null
  )
  if (candidates.length === 0) return null
  const chosen = candidates.some((u) => u.id === assigneeId) ? assigneeId : ''
  return (
    <span className="assign">
      <label>
        {t('complaintWork.assignTo')}
        <select
          aria-label={t('complaintWork.assignToLabel', { description })}
          value={chosen}
          onChange={(e) => {
            setAssigneeId(e.target.value)
          }}
        >
          <option value="">{t('complaintWork.choose')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {sanitizeDisplayText(u.displayName, 60)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={chosen === ''}
        aria-label={t('complaintWork.assignLabel', { description })}
        onClick={() => void assignComplaint(complaint.id, chosen)}
      >
        {t('complaintWork.assign')}
      </button>
    </span>
  )
}

/**
 * Who works the case: an open escalation (with its reason) and the assignee, and what this user
 * may do about it: escalate (agents), take an unassigned case (agents), assign (leads, admins).
 * The same rules as the server's decide what is offered; the server checks again.
 */
export function ComplaintOwnership({ complaint, user }: ComplaintOwnershipProps) {
  const { t } = useTranslation()
  const { users } = useCompensationDirectory()
  const description = sanitizeDisplayText(complaint.description, 60)
  const actor = { userId: user.id, role: user.role, teamId: user.teamId }
  const owned = ownedOf(complaint)
  // Someone else's step needs the server's row (team, owner): nothing to offer before it.
  const isSynced = complaint.syncState === 'synced'
  const mayEscalate = isSynced && escalationRefusal(actor, owned) === null
  const self = { id: user.id, role: user.role, teamId: user.teamId }
  // Taking is for someone else's unassigned case: the filer already works their own.
  const mayTake =
    isSynced &&
    user.role === 'agent' &&
    ownerOf(owned) !== user.id &&
    assignmentRefusal(actor, owned, self) === null
  const mayAssign = isSynced && (user.role === 'team_lead' || user.role === 'admin')
  const nameOf = (id: string): string => {
    if (id === user.id) return t('compensation.you')
    const found = users.find((u) => u.id === id)
    return found ? sanitizeDisplayText(found.displayName, 60) : t('compensation.unknownUser')
  }
  return (
    <div className="complaint-ownership">
      {isEscalationOpen(complaint) && (
        <span className="badge warn">{t('complaintWork.escalated')}</span>
      )}
      {isEscalationOpen(complaint) && complaint.escalationReason !== null && (
        <span>
          {' '}
          {t('complaintWork.escalatedBecause', {
            reason: sanitizeDisplayText(complaint.escalationReason, 200)
          })}
        </span>
      )}
      {complaint.assigneeId !== null && (
        <span className="badge">
          {t('complaintWork.assignedTo', { name: nameOf(complaint.assigneeId) })}
        </span>
      )}{' '}
      {mayEscalate && <EscalateForm complaint={complaint} description={description} />}
      {mayTake && (
        <button
          type="button"
          aria-label={t('complaintWork.takeLabel', { description })}
          onClick={() => void assignComplaint(complaint.id, user.id)}
        >
          {t('complaintWork.take')}
        </button>
      )}
      {mayAssign && <AssignControl complaint={complaint} user={user} description={description} />}
    </div>
  )
}
