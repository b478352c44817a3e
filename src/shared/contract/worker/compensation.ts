/**
 * Compensation as the worker keeps it, and the requests to grant, decide and list it.
 */
import type {
  Compensation,
  CompensationDecision,
  CompensationStatus
} from '../../domain/compensation-record'
import type { ValueTier } from '../../domain/customer'
import type { LocalSyncState } from './sync'

/**
 * A compensation as this client sees it: the server's row, or the optimistic one written here
 * (no requester, team or tier yet: this user's, not yet synced), with this client's queued
 * decision laid over it.
 */
export interface LocalCompensation extends Omit<
  Compensation,
  'requestedBy' | 'teamId' | 'tier' | 'customerId' | 'status'
> {
  customerId: string | null
  /** The customer's name from the cache, for a lead's list; null when not cached. */
  customerName: string | null
  teamId: string | null
  tier: ValueTier | null
  requestedBy: string | null
  status: CompensationStatus
  syncState: LocalSyncState
  /** A decision taken here waits for the server. */
  decisionPending: boolean
  /** Why the server refused the grant or the decision taken here. */
  refusedReason: string | null
}

/** What the agent enters to compensate a customer on a complaint. */
export interface CompensationInput {
  complaintId: string
  type: Compensation['type']
  amount: number
  currency: string
  reason: string
  /**
   * A practice complaint's persona tier, as the scenario on the desk has it (the worker holds no
   * personas): decides the grant here; the server decides again from its published scenario.
   * Never journaled.
   */
  practiceTier?: ValueTier | null | undefined
}

/** The compensation requests. */
export interface CompensationRequests {
  /**
   * Journals a compensation on a complaint with a customer: granted at once when the pulled
   * limits allow it (role, tier, today's grants here), else a request for the team's lead. The
   * server decides again and its answer replaces this one.
   */
  'compensation:grant': (args: CompensationInput) => { compensation: LocalCompensation }
  /** Journals a lead's approval or rejection of a pending request (the server validates it). */
  'compensation:decide': (args: {
    compensationId: string
    decision: CompensationDecision
    reason: string
  }) => { compensation: LocalCompensation }
  /** Compensations of one complaint, or (complaintId null) those in `status`, newest first. */
  'compensation:list': (args: {
    complaintId: string | null
    status: CompensationStatus | null
    limit: number
  }) => { compensations: LocalCompensation[] }
}
