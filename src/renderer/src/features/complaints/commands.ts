import type { LocalComplaint } from '@shared/contract/worker'
import type { ComplaintDetails } from '@shared/domain/complaint'
import type { EditableComplaintField, EditableValues } from '@shared/domain/complaint-edit'
import type { LifecycleAction } from '@shared/domain/complaint-lifecycle'
import type { Role } from '@shared/domain/user'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import { recordCustomerId } from '../screen-pop'
import { defaultComplaintListFilter, type ComplaintListFilter } from './store'

const LIST_LIMIT = 50

/** The filter in force: the user's choice, else the team queue for leads and admins. */
export function effectiveComplaintFilter(
  chosen: ComplaintListFilter | null,
  role: Role | null
): ComplaintListFilter {
  if (chosen && (chosen.scope === 'mine' || canSeeTeamQueue(role))) return chosen
  return { ...defaultComplaintListFilter, scope: worksTeamQueue(role) ? 'team' : 'mine' }
}

/** Who may look at the team queue: leads and admins work it; agents take unassigned cases from it. */
export function canSeeTeamQueue(role: Role | null): boolean {
  return role === 'agent' || worksTeamQueue(role)
}

/**
 * Who works a queue rather than their own cases. A trainer's queue is the practice cases (the
 * only ones a trainer's desk holds), which they work as the trainees' lead.
 */
function worksTeamQueue(role: Role | null): boolean {
  return role === 'team_lead' || role === 'admin' || role === 'trainer'
}

/** Numbers each list request, so a slower answer to an older filter never replaces a newer one. */
let listRequest = 0

export async function refreshComplaints(): Promise<void> {
  const client = dataClient()
  if (!client) return
  const { complaints, auth } = useAppStore.getState()
  const filter = effectiveComplaintFilter(complaints.filter, auth.user?.role ?? null)
  const request = ++listRequest
  const result = await client.send('complaint:list', {
    customerId: null,
    limit: LIST_LIMIT,
    filter: {
      agentId: filter.scope === 'mine' ? (auth.user?.id ?? null) : null,
      status: filter.status,
      severity: filter.severity,
      breachedOnly: filter.breachedOnly,
      category: filter.category,
      channel: filter.channel,
      tier: filter.tier,
      search: filter.search.slice(0, 200)
    }
  })
  if (result.ok && request === listRequest) {
    useAppStore.getState().complaintsLoaded(result.data.complaints)
  }
}

/**
 * Saves an edit: journaled in the worker and laid on the case at once; the server merges it
 * field by field and a conflict comes back on the case for the user to decide.
 */
export async function updateComplaint(
  complaintId: string,
  before: EditableValues,
  after: EditableValues
): Promise<boolean> {
  const client = dataClient()
  if (!client) return false
  const result = await client.send('complaint:update', { complaintId, before, after })
  if (!result.ok) {
    useAppStore.getState().complaintFailed(result.error.message)
    return false
  }
  await refreshComplaints()
  return true
}

/** The user's choice on a conflicting field: keep theirs, or send mine again on top of theirs. */
export async function resolveEditConflict(
  complaintId: string,
  field: EditableComplaintField,
  choice: 'theirs' | 'mine'
): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('complaint:resolveConflict', { complaintId, field, choice })
  if (!result.ok) useAppStore.getState().complaintFailed(result.error.message)
  await refreshComplaints()
}

/** Narrows the list and reloads it. */
export async function filterComplaints(filter: ComplaintListFilter): Promise<void> {
  useAppStore.getState().complaintFilterChanged(filter)
  await refreshComplaints()
}

/** Saves durably in the worker first; the sync engine takes it to the server. */
export async function saveComplaint(
  input: { category: string; description: string } & ComplaintDetails
): Promise<boolean> {
  const client = dataClient()
  const store = useAppStore.getState()
  if (!client) return false
  const result = await client.send('complaint:create', {
    customerId: recordCustomerId(store.screenPop),
    personaId: store.screenPop.persona?.id ?? null,
    callId: store.phone.call?.id ?? null,
    ...input
  })
  if (!result.ok) {
    store.complaintFailed(result.error.message)
    return false
  }
  store.complaintSaved(result.data.complaint)
  return true
}

/**
 * Takes a lifecycle step: journaled in the worker, shown at once, validated by the server (a
 * refusal shows on the case with its reason). The list refreshes on the worker's change event.
 */
export async function transitionComplaint(
  complaintId: string,
  action: LifecycleAction
): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('complaint:transition', { complaintId, action, note: null })
  if (!result.ok) useAppStore.getState().complaintFailed(result.error.message)
}

/** Drops a complaint the server rejected; the agent has seen the reason. */
export async function discardComplaint(id: string): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('complaint:discard', { id })
  if (!result.ok) useAppStore.getState().complaintFailed(result.error.message)
  await refreshComplaints()
}

/** Puts a rejected complaint back into the form to be corrected, and drops the rejected copy. */
export async function fixComplaint(complaint: LocalComplaint): Promise<void> {
  useAppStore.getState().draftRequested({
    category: complaint.category,
    description: complaint.description,
    subcategory: complaint.subcategory,
    severity: complaint.severity,
    qualityDimension: complaint.qualityDimension,
    expected: complaint.expected,
    received: complaint.received,
    requestedRemedy: complaint.requestedRemedy,
    productCode: complaint.productCode,
    productName: complaint.productName,
    channel: complaint.channel
  })
  await discardComplaint(complaint.id)
}

/** Escalates a case to the team lead with a reason: journaled, shown at once, checked by the server. */
export async function escalateComplaint(complaintId: string, reason: string): Promise<boolean> {
  const client = dataClient()
  if (!client) return false
  const result = await client.send('complaint:escalate', { complaintId, reason })
  if (!result.ok) useAppStore.getState().complaintFailed(result.error.message)
  return result.ok
}

/** Assigns a case (a lead) or takes it (an agent naming themselves); the server checks it. */
export async function assignComplaint(complaintId: string, assigneeId: string): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('complaint:assign', { complaintId, assigneeId })
  if (!result.ok) useAppStore.getState().complaintFailed(result.error.message)
}
