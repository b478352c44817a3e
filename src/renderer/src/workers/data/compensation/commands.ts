/**
 * Compensating a customer on a complaint, and a lead's decision on a request, journaled through
 * the store for sync. The server decides again on its own data and its answer replaces this one.
 */
import type { CompensationInput, LocalComplaint, LocalCompensation } from '@shared/contract/worker'
import type { ValueTier } from '@shared/domain/customer'
import { decideGrant } from '@shared/domain/compensation'
import type { CompensationDecision } from '@shared/domain/compensation-record'
import type { Role } from '@shared/domain/user'

import { getComplaint } from '../complaints/rows'
import { getCustomer } from '../customers/queries'
import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { getCompensation, grantedTodayHere } from './rows'

/** Caps are per UTC day, as on the server (which has no centre time zone yet). */
function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

/**
 * Who is compensated and at what tier: the complaint's customer (tier from the cache), or on a
 * practice complaint its persona (tier from the scenario on the desk). Unknown tier: undefined.
 */
function grantParty(
  store: LocalStore,
  complaint: LocalComplaint,
  practiceTier: ValueTier | null
): { id: string; tier: ValueTier | undefined } {
  if (complaint.practice && complaint.personaId !== null) {
    return { id: complaint.personaId, tier: practiceTier ?? undefined }
  }
  if (complaint.customerId === null) {
    throw workerError('invalid_argument', 'A compensation needs a complaint with a customer')
  }
  return {
    id: complaint.customerId,
    tier: getCustomer(store.db, complaint.customerId)?.tier
  }
}

/**
 * Journals a compensation on a complaint: granted at once when the pulled limits allow it for
 * this user's role, the customer's cached tier and what this client saw granted today; else
 * a request for the team's lead. Unknown limits or tier make it a request.
 */
export async function grantCompensation(
  store: LocalStore,
  input: CompensationInput,
  actor: { userId: string; role: Role }
): Promise<LocalCompensation> {
  const complaint = getComplaint(store.db, input.complaintId)
  if (complaint === null) throw new Error('The complaint is not in the local store')
  const party = grantParty(store, complaint, input.practiceTier ?? null)
  const limits = store.configuration.current().compensationLimits
  const now = store.now()
  let expected: 'granted' | 'pending' = 'pending'
  if (limits !== null && party.tier !== undefined) {
    const today = grantedTodayHere(store.db, {
      userId: actor.userId,
      partyId: party.id,
      practice: complaint.practice,
      currency: limits.currency,
      since: startOfUtcDay(now).toISOString()
    })
    expected = decideGrant(
      limits,
      {
        role: actor.role,
        tier: party.tier,
        grantedTodayByAgent: today.byAgent,
        grantedTodayToCustomer: today.toCustomer
      },
      input
    ).status
  }
  const id = store.newId()
  await store.write({
    id: store.newId(),
    name: 'compensation.grant',
    args: {
      id,
      complaintId: input.complaintId,
      type: input.type,
      amount: input.amount,
      currency: input.currency,
      reason: input.reason,
      expected,
      at: now.toISOString()
    }
  })
  const compensation = getCompensation(store.db, id)
  if (compensation === null) throw new Error('compensation vanished after insert')
  return compensation
}

/** Journals a lead's decision on a pending request (the server checks who and whether). */
export async function decideCompensation(
  store: LocalStore,
  input: { compensationId: string; decision: CompensationDecision; reason: string }
): Promise<LocalCompensation> {
  const current = getCompensation(store.db, input.compensationId)
  if (current === null) throw new Error('The compensation is not in the local store')
  if (current.status !== 'pending') {
    throw workerError('conflict', `This request was already decided: ${current.status}`)
  }
  await store.write({
    id: store.newId(),
    name: 'compensation.decide',
    args: { id: store.newId(), ...input, at: store.now().toISOString() }
  })
  const decided = getCompensation(store.db, input.compensationId)
  if (decided === null) throw new Error('compensation vanished after a decision')
  return decided
}
