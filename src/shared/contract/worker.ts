/**
 * The data worker's contract: typed request handlers and events over postMessage. Results
 * always cross as {@link Result}; raw Error objects never cross.
 */
import type { ComplaintCategory } from '../domain/complaint'
import type { Customer } from '../domain/customer'
import type { SessionUser } from '../domain/user'
import type { AppError } from './errors'
import type { Result } from './result'

export interface SyncStatus {
  /** Local writes not yet acknowledged by the server. */
  pending: number
  /** Local writes the server refused; each is shown with its reason. */
  rejected: number
  lastSyncAt: string | null
  lastError: AppError | null
  cursor: number
  /** True while the realtime channel is connected. */
  isLive: boolean
}

export type LocalSyncState = 'pending' | 'synced' | 'rejected'

export interface LocalComplaint {
  id: string
  caseNumber: string | null
  customerId: string | null
  callId: string | null
  category: ComplaintCategory
  description: string
  createdAt: string
  status: string
  syncState: LocalSyncState
  rejectReason: string | null
}

export interface CustomerMatch {
  /** How the caller was identified: by a CTI header, by number, or not at all. */
  matchedBy: 'cti' | 'phone' | 'none'
  normalizedNumber: string | null
  customers: Customer[]
}

export interface SessionTokens {
  accessToken: string
  refreshToken: string
}

export interface DataWorkerHandlers {
  'session:open': (args: { user: SessionUser; serverUrl: string; tokens: SessionTokens }) => {
    customers: number
    cursor: number
    restoredWrites: number
  }
  'session:close': (args: Record<string, never>) => { closed: true }
  'customer:match': (args: {
    callerNumber: string
    ctiCustomerId: string | null
    defaultCountry: string
  }) => CustomerMatch
  'customer:get': (args: { id: string }) => { customer: Customer | null }
  'customer:search': (args: { query: string; limit: number }) => { customers: Customer[] }
  'complaint:create': (args: {
    customerId: string | null
    callId: string | null
    category: ComplaintCategory
    description: string
  }) => { complaint: LocalComplaint }
  'complaint:list': (args: { customerId: string | null; limit: number }) => {
    complaints: LocalComplaint[]
  }
  'sync:status': (args: Record<string, never>) => SyncStatus
  'sync:now': (args: Record<string, never>) => SyncStatus
}

export type WorkerRequestName = keyof DataWorkerHandlers
export type WorkerArgs<K extends WorkerRequestName> = Parameters<DataWorkerHandlers[K]>[0]
export type WorkerReply<K extends WorkerRequestName> = ReturnType<DataWorkerHandlers[K]>

export interface WorkerEvents {
  'sync:status-changed': SyncStatus
  /** Local data changed (pull applied, write acknowledged): views re-query. */
  'data:changed': { entities: ('customer' | 'complaint')[] }
  /** Tokens were refreshed by the worker: the page persists the new refresh token. */
  'auth:tokens-changed': SessionTokens
  /** The refresh token was refused: the user must log in again (local data is kept). */
  'auth:expired': Record<string, never>
}
export type WorkerEventName = keyof WorkerEvents

/** Wire format, page → worker. */
export interface WorkerRequestMessage {
  kind: 'request'
  id: number
  name: WorkerRequestName
  args: unknown
}
/** Wire format, worker → page. */
export type WorkerOutboundMessage =
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: WorkerEventName; payload: unknown }
