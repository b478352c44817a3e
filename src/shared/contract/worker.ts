/**
 * The data worker's contract: typed request handlers and events over postMessage. Results
 * always cross as {@link Result}; raw Error objects never cross.
 */
import type { ComplaintDetails, ComplaintDetailsInput } from '../domain/complaint'
import type { AgentStateInput, AgentStateRecordArgs } from '../domain/agent-state'
import type {
  CallbackScheduleArgs,
  CallbackScheduleInput,
  CallbackStatus
} from '../domain/callback'
import type {
  Compensation,
  CompensationDecision,
  CompensationStatus
} from '../domain/compensation-record'
import type {
  EditableComplaintField,
  EditableValues,
  FieldConflict
} from '../domain/complaint-edit'
import type { ComplaintEventAction } from '../domain/complaint-event'
import type { LifecycleAction } from '../domain/complaint-lifecycle'
import type { ComplaintFilterInput } from '../domain/complaint-filter'
import type { ComplaintAnalysisReport } from '../domain/complaint-analysis'
import type {
  CompensationLimits,
  ComplaintCategoryConfig,
  DirectoryUser,
  DispositionCode,
  PauseReason,
  Team
} from '../domain/configuration'
import type { DispositionInput, DispositionRecordArgs } from '../domain/disposition'
import type { Customer, Language, ValueTier } from '../domain/customer'
import type { InteractionRecordArgs } from '../domain/interaction'
import type { PublishedScript } from '../domain/published-script'
import type { ScriptRunRecordInput } from '../domain/script-run'
import type { ScriptAnalyticsReport } from '../scripts/run-analytics'
import type { SessionUser } from '../domain/user'
import type { Change } from '../sync/protocol'
import type { DesktopApi } from './desktop-api'
import { appError, type AppError } from './errors'
import type { Result } from './result'

export interface SyncStatus {
  /** Local writes not yet acknowledged by the server. */
  pending: number
  /** Local writes the server refused; each is shown with its reason. */
  rejected: number
  /**
   * Local writes the server kept failing (not an outage): left aside until "sync now" so the
   * ones behind them flow on, except those naming a record a stuck one creates.
   */
  stuck: number
  /** Why the oldest stuck write failed, as the server last answered. */
  stuckReason: AppError | null
  lastSyncAt: string | null
  lastError: AppError | null
  cursor: number
  /** True while the realtime channel is connected. */
  isLive: boolean
}

export type LocalSyncState = 'pending' | 'synced' | 'rejected'

/**
 * A local write that needs the agent's attention: refused by the server (or stored by an older
 * version and unreadable by this build), or stuck after repeated failed answers. Every rejected
 * and stuck count of {@link SyncStatus} is one of these.
 */
export interface SyncProblem {
  mutationId: string
  /** The mutation's name as stored: one an older version wrote may be unknown to this build. */
  name: string
  /** Rejected: discard it (or fix it where its view offers that). Stuck: "sync now" retries it. */
  state: 'rejected' | 'stuck'
  /** Why, as stored: the server's answer, or why this build could not read it. */
  reason: AppError
  /** Stored by an older version and unreadable by this build: it can only be discarded. */
  unreadable: boolean
  /**
   * A short single-line hint from its args (a complaint's description, a contact's name, a call's
   * number), cleaned of control characters; it came from a person or a caller: text only.
   */
  summary: string | null
  /** When it was written, by its args (ISO 8601); null when they hold no readable time. */
  at: string | null
}

/** The kinds of rows sync moves, as named in pulled changes. */
export type SyncEntity = Change['entity']

/** A call as the local store keeps it, pending until the server acknowledged it. */
export interface LocalInteraction extends InteractionRecordArgs {
  syncState: LocalSyncState
}

/** An agent state record as the local store keeps it. */
export interface LocalAgentState extends AgentStateRecordArgs {
  /** The agent; null for this user's own records not yet back from the server. */
  agentId: string | null
  syncState: LocalSyncState
}

/** A call's disposition as the local store keeps it. */
export interface LocalDisposition extends DispositionRecordArgs {
  syncState: LocalSyncState
}

/** A callback as the local store keeps it: the server's row, or this user's own not yet back. */
export interface LocalCallback extends CallbackScheduleArgs {
  status: CallbackStatus
  completedAt: string | null
  /** Pending while this user's schedule or completion waits for the server. */
  syncState: LocalSyncState
}

/** The configuration pulled from the server (read-only in the app). */
export interface ConfigurationSnapshot {
  dispositionCodes: DispositionCode[]
  pauseReasons: PauseReason[]
  complaintCategories: ComplaintCategoryConfig[]
  /** Null until the first pull brought it. */
  compensationLimits: CompensationLimits | null
  /** Agents: their team's users (and users without a team); leads: their team; admins: all. */
  users: DirectoryUser[]
  teams: Team[]
  /** The highest published version of each script on the server (source text, unparsed). */
  scripts: PublishedScript[]
}

export interface LocalComplaint extends ComplaintDetails {
  id: string
  caseNumber: string | null
  customerId: string | null
  callId: string | null
  /** A configured category code. */
  category: string
  description: string
  createdAt: string
  /** When it must be resolved; null on complaints filed before severities existed. */
  dueAt: string | null
  /** The server's status with this client's own steps not yet answered laid over it. */
  status: string
  syncState: LocalSyncState
  rejectReason: string | null
  /** Who filed it; null on one written here and not yet synced (this user's). */
  agentId: string | null
  /** A lifecycle step taken here waits for the server. */
  transitionPending: boolean
  /** Why the server refused the last step taken here (the status is the server's again). */
  transitionRefused: string | null
  /** Who works the case when someone was assigned (an assignment queued here counts). */
  assigneeId: string | null
  /** When it was escalated to the team lead, while that escalation is unanswered. */
  escalatedAt: string | null
  escalationReason: string | null
  /** The team whose queue holds the case; null on one written here and not yet synced. */
  teamId: string | null
  /** Fields edited here that someone else changed first: the user keeps theirs or uses mine. */
  editConflicts: FieldConflict[]
  /** Why the server refused the last edit made here (the fields are back as they were). */
  editRefused: string | null
}

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

/** One line of a complaint's timeline, oldest first. */
export interface TimelineEntry {
  id: string
  action: ComplaintEventAction | 'created'
  /** Who; null for what this user did that the server has not acknowledged yet. */
  actorId: string | null
  at: string
  note: string | null
  /** The status the case moved to (lifecycle steps). */
  toStatus: string | null
  compensationId: string | null
  /** Assignments: who works the case from then on. */
  assigneeId: string | null
  /** Edits: the fields changed. */
  fields: EditableComplaintField[]
  /** Written here and still waiting for the server. */
  pending: boolean
}

/** What the agent enters to compensate a customer on a complaint. */
export interface CompensationInput {
  complaintId: string
  type: Compensation['type']
  amount: number
  currency: string
  reason: string
}

export interface CustomerMatch {
  /**
   * How the caller was identified: by a CTI header, by number in the local cache, by the
   * server's online lookup (the cache missed), or not at all.
   */
  matchedBy: 'cti' | 'phone' | 'online' | 'none'
  normalizedNumber: string | null
  customers: Customer[]
  /** What the caller number was: a number, withheld (no lookup at all), an extension, garbage. */
  caller?: CallerKind
  /**
   * The online lookup: `not_needed` (the cache answered, or nothing to look up), `skipped` (the
   * server is known to be unreachable or online lookup is off), `found`, `not_found`, `failed`
   * (timeout, network, refused).
   */
  online?: OnlineLookupOutcome
}

export type CallerKind = 'number' | 'withheld' | 'extension' | 'invalid'
export type OnlineLookupOutcome = 'not_needed' | 'skipped' | 'found' | 'not_found' | 'failed'

/** What the agent types into the screen pop's quick-create form. */
export interface NewCustomerInput {
  firstName: string
  lastName: string
  /** E.164, or null when the caller withheld the number. */
  phoneE164: string | null
  email: string | null
  preferredLanguage: Language
}

export interface SessionTokens {
  accessToken: string
  refreshToken: string
}

/**
 * Where the worker keeps its durable files: OPFS in the browser edition (the default), or the
 * Electron main process through the page (`durable-call` messages, see {@link answerDurableCall}).
 */
export type WorkerStorageKind = 'opfs' | 'desktop'

export interface DataWorkerHandlers {
  /**
   * Opens the local store of `user` (one per user, guarded by a Web Lock: a second tab gets
   * `unavailable`) and starts syncing with `serverUrl`. `storage` defaults to `'opfs'`; pass
   * `'desktop'` in Electron.
   */
  'session:open': (args: {
    user: SessionUser
    serverUrl: string
    tokens: SessionTokens
    storage?: WorkerStorageKind
  }) => { customers: number; cursor: number; restoredWrites: number }
  'session:close': (args: Record<string, never>) => { closed: true }
  /**
   * Matching on ring, in order: the CTI ids (header values, in the configured header order,
   * matched by id or external reference), then the caller number normalized to E.164 against
   * the cache, then (only on a cache miss, when `online` is not false and the server is
   * reachable) the server's lookup with a short timeout; its results join the cache.
   */
  'customer:match': (args: {
    callerNumber: string
    ctiCustomerId: string | null
    ctiIds?: string[] | undefined
    defaultCountry: string
    online?: boolean | undefined
  }) => CustomerMatch
  /** Quick-create: journaled and queued as a `customer.create` mutation like a complaint. */
  'customer:create': (args: NewCustomerInput) => { customer: Customer }
  'customer:get': (args: { id: string }) => { customer: Customer | null }
  /**
   * Search while typing: name prefixes (accent and case-insensitive), phone fragments (as E.164
   * prefixes, national ones read with `defaultCountry`), e-mail prefixes, document id.
   */
  'customer:search': (args: {
    query: string
    limit: number
    defaultCountry?: string | undefined
  }) => {
    customers: Customer[]
  }
  'complaint:create': (
    args: {
      customerId: string | null
      callId: string | null
      category: string
      description: string
    } & ComplaintDetailsInput
  ) => { complaint: LocalComplaint }
  'complaint:list': (args: {
    customerId: string | null
    limit: number
    filter?: ComplaintFilterInput | undefined
  }) => {
    complaints: LocalComplaint[]
  }
  /** Journals a lifecycle step (start, resolve, close...) for sync; the server validates it. */
  'complaint:transition': (args: {
    complaintId: string
    action: LifecycleAction
    note: string | null
  }) => { complaint: LocalComplaint }
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
  /** Journals an escalation to the team lead, with the reason (agents; the server validates it). */
  'complaint:escalate': (args: { complaintId: string; reason: string }) => {
    complaint: LocalComplaint
  }
  /**
   * Journals an assignment: a lead gives the case to someone of the team, an agent takes an
   * unassigned one for themselves (the server validates role, team and assignee).
   */
  'complaint:assign': (args: { complaintId: string; assigneeId: string }) => {
    complaint: LocalComplaint
  }
  /** The complaint analysis from the server (leads: their team; admins: all or one team). */
  'complaint:analysis': (args: { from: string; to: string; teamId: string | null }) => {
    report: ComplaintAnalysisReport
  }
  /** A complaint's timeline: its creation, lifecycle steps and compensation events, in order. */
  'complaint:timeline': (args: { complaintId: string }) => { entries: TimelineEntry[] }
  /**
   * Journals an edit of a complaint's fields (`complaint.update`): `before` is what the editor
   * showed when it opened, `after` what was saved; the server merges field by field.
   */
  'complaint:update': (args: {
    complaintId: string
    before: EditableValues
    after: EditableValues
  }) => { complaint: LocalComplaint }
  /** The user's choice on an edit conflict: keep theirs, or send mine based on theirs. */
  'complaint:resolveConflict': (args: {
    complaintId: string
    field: EditableComplaintField
    choice: 'theirs' | 'mine'
  }) => { complaint: LocalComplaint }
  /** Journals a note in a complaint's timeline; answers the timeline with it. */
  'complaint:note': (args: { complaintId: string; note: string }) => { entries: TimelineEntry[] }
  /** Journals a finished call (durable before it resolves) for sync. */
  'interaction:record': (args: Omit<InteractionRecordArgs, 'id'>) => {
    interaction: LocalInteraction
  }
  /** Journals a finished script run (durable before it resolves) for sync. */
  'scriptRun:record': (args: ScriptRunRecordInput) => { id: string }
  /** A script version's analytics from the server (leads: their team; trainers: practice). */
  'script:analytics': (args: { scriptId: string; version: number; practice: boolean }) => {
    report: ScriptAnalyticsReport
  }
  /** The latest calls, for one customer (the card) or for everyone. */
  'interaction:list': (args: { customerId: string | null; limit: number }) => {
    interactions: LocalInteraction[]
  }
  /**
   * Discards a complaint the server rejected (never a pending or synced one), or else the
   * lifecycle steps the server refused on it.
   */
  'complaint:discard': (args: { id: string }) => { discarded: boolean }
  /**
   * Journals a change of this agent's state (durable before it resolves) and syncs it as
   * `agent_state.record`. `pauseReason` only with `not_ready` (a configured pause reason code).
   */
  'agentState:record': (args: AgentStateInput) => { agentState: LocalAgentState }
  /** This user's latest recorded state, or null before the first. */
  'agentState:current': (args: Record<string, never>) => { agentState: LocalAgentState | null }
  /** The latest state of each agent in the cache: the user's own, and a lead's whole team. */
  'agentState:latest': (args: Record<string, never>) => { agentStates: LocalAgentState[] }
  /**
   * Journals the wrap-up code of a call and syncs it as `disposition.record`. For a production
   * call the worker links the call's interaction record (`not_found` when it has none).
   */
  'disposition:record': (args: DispositionInput) => { disposition: LocalDisposition }
  /** The disposition already given to a call, if any. */
  'disposition:forCall': (args: { callId: string }) => { disposition: LocalDisposition | null }
  /** Journals a callback (assigned to this user unless `assigneeId` says otherwise) for sync. */
  'callback:schedule': (args: CallbackScheduleInput) => { callback: LocalCallback }
  /** Marks a callback done (journaled, synced as `callback.complete`). */
  'callback:complete': (args: { id: string }) => { callback: LocalCallback }
  /** Open callbacks assigned to this user, soonest first. */
  'callback:mine': (args: { limit: number }) => { callbacks: LocalCallback[] }
  /** The configuration as last pulled. */
  'config:get': (args: Record<string, never>) => ConfigurationSnapshot
  'sync:status': (args: Record<string, never>) => SyncStatus
  'sync:now': (args: Record<string, never>) => SyncStatus
  /**
   * The rejected and stuck writes, oldest first, at most `limit` (default 50); `total` counts
   * them all.
   */
  'sync:problems': (args: { limit?: number | undefined }) => {
    problems: SyncProblem[]
    total: number
  }
  /**
   * Discards one rejected write (never a pending or stuck one) and the local record it created,
   * when that record is flagged rejected (a synced record is never removed). False when it is not
   * (or no longer) rejected.
   */
  'sync:discard': (args: { mutationId: string }) => { discarded: boolean }
}

export type WorkerRequestName = keyof DataWorkerHandlers
export type WorkerArgs<K extends WorkerRequestName> = Parameters<DataWorkerHandlers[K]>[0]
export type WorkerReply<K extends WorkerRequestName> = ReturnType<DataWorkerHandlers[K]>

export interface WorkerEvents {
  'sync:status-changed': SyncStatus
  /** Local data changed (pull applied, write acknowledged): views re-query. */
  'data:changed': { entities: SyncEntity[] }
  /** Tokens were refreshed by the worker: the page persists the new refresh token. */
  'auth:tokens-changed': SessionTokens
  /** The refresh token was refused: the user must log in again (local data is kept). */
  'auth:expired': Record<string, never>
  /** A log record from the worker (it may not use `console`); the page forwards it to its logger. */
  'worker:log': { level: 'debug' | 'info' | 'warn' | 'error'; scope: string; message: string }
}
export type WorkerEventName = keyof WorkerEvents

/** The `DesktopApi` functions the worker reaches through the page when it runs in Electron. */
export const durableMethods = [
  'appendDurable',
  'readDurable',
  'replaceDurable',
  'removeDurable',
  'listDurable'
] as const
export type DurableMethod = (typeof durableMethods)[number]

/** Wire format, page → worker. */
export interface WorkerRequestMessage {
  kind: 'request'
  id: number
  name: WorkerRequestName
  args: unknown
}
/**
 * Wire format, page → worker: the answer to a `durable-call`, with the same `id`. The `result`
 * is exactly what `window.desktop[method](args)` resolved to.
 */
export interface DurableReplyMessage {
  kind: 'durable-reply'
  id: number
  result: Result<unknown>
}
export type WorkerInboundMessage = WorkerRequestMessage | DurableReplyMessage

/**
 * Wire format, worker → page. `durable-call` only happens after `session:open` with
 * `storage: 'desktop'`; the page answers each with a {@link DurableReplyMessage}.
 */
export type WorkerOutboundMessage =
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: WorkerEventName; payload: unknown }
  | { kind: 'durable-call'; id: number; method: DurableMethod; args: unknown }

/**
 * Runs one `durable-call` against the preload API and builds the reply to post back to the
 * worker. The page calls it from its worker `message` listener; `args` are passed through
 * unchanged because main validates every IPC argument with zod anyway.
 */
export async function answerDurableCall(
  desktop: Pick<DesktopApi, DurableMethod>,
  call: { id: number; method: DurableMethod; args: unknown }
): Promise<DurableReplyMessage> {
  const reply = (result: Result<unknown>): DurableReplyMessage => ({
    kind: 'durable-reply',
    id: call.id,
    result
  })
  const a = isRecord(call.args) ? call.args : {}
  const file = typeof a['file'] === 'string' ? a['file'] : ''
  const data = a['data'] instanceof Uint8Array ? a['data'] : new Uint8Array()
  try {
    switch (call.method) {
      case 'appendDurable':
        return reply(await desktop.appendDurable({ file, data }))
      case 'readDurable':
        return reply(await desktop.readDurable({ file }))
      case 'replaceDurable':
        return reply(await desktop.replaceDurable({ file, data }))
      case 'removeDurable':
        return reply(await desktop.removeDurable({ file }))
      case 'listDurable':
        return reply(
          await desktop.listDurable({ prefix: typeof a['prefix'] === 'string' ? a['prefix'] : '' })
        )
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return reply({ ok: false, error: appError('storage_failure', message) })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
