/**
 * The worker refuses typed text with control characters or broken Unicode and names the field
 * (see workers/data/request-text-rule.ts); this turns that refusal into the person's language,
 * with the field called by the label they see on the form.
 */
import i18next from 'i18next'

import type { AppError } from '@shared/contract/errors'
import type { WorkerRequestName } from '@shared/contract/worker'

/** The form label of a refused field, per request where one field name means two things. */
const labelKeys: Partial<Record<WorkerRequestName, Record<string, string>>> = {
  'disposition:record': { note: 'wrapUp.note' },
  'agentState:force': { note: 'forceState.note' },
  'whisper:send': { text: 'coaching.composer.text' },
  'evaluation:save': { comment: 'evaluations.scoring.overallComment' },
  'evaluation:dispute': { comment: 'evaluations.respond.reason' },
  'evaluation:resolve': { reason: 'evaluations.resolve.reason' },
  'callback:schedule': { note: 'callbacks.note', contactName: 'callbacks.contactName' },
  'compensation:grant': { reason: 'compensation.reason' },
  'compensation:decide': { reason: 'compensation.approvals.reasonRequired' },
  'complaint:escalate': { reason: 'complaintWork.reason' },
  'complaint:note': { note: 'compensation.newNote' },
  'complaint:transition': { note: 'compensation.events.note' },
  'customer:create': { firstName: 'quickCreate.firstName', lastName: 'quickCreate.lastName' },
  'customer:search': { query: 'search.label' },
  'session:open': { username: 'login.username', password: 'login.password' }
}

/** Complaint fields, wherever they sit in a request (the form, the edit, the filters). */
const complaintLabelKeys: Record<string, string> = {
  description: 'complaints.description',
  expected: 'complaints.expected',
  received: 'complaints.received',
  requestedRemedy: 'complaints.requestedRemedy',
  productName: 'complaints.product',
  product: 'complaints.product',
  search: 'complaints.filters.search'
}

function fieldsOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('unsafeText' in details)) return []
  const list = details.unsafeText
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'field' in item && typeof item.field === 'string'
      ? [item.field]
      : []
  )
}

function labelOf(name: WorkerRequestName, field: string): string {
  const last = field.split('.').pop() ?? field
  const key = labelKeys[name]?.[last] ?? complaintLabelKeys[last]
  return key ? i18next.t(key) : last
}

/** The refusal with a message in the UI language naming the field; any other error as it is. */
export function localizeUnsafeText(name: WorkerRequestName, error: AppError): AppError {
  const field = fieldsOf(error.details)[0]
  if (field === undefined) return error
  return { ...error, message: i18next.t('errors.unsafeText', { field: labelOf(name, field) }) }
}
