/**
 * Monitoring through the data worker, which holds the session's token: a lead starts, switches
 * and ends a session with the server; an agent's desk checks a grant that arrived over SIP (with
 * the server's public keys, fetched at sign-in and again for an unknown key) and redeems it.
 */
import type { MonitorStartReply, MonitoringSessionView } from '../../monitoring/monitoring-api'
import type {
  MonitorEndReason,
  MonitorGrantClaims,
  MonitorMode,
  MonitorRefusal
} from '../../monitoring/monitoring'

/** A refusal by the server or the desk, or a failure to reach the server at all. */
export type MonitorOutcome<T> =
  | ({ ok: true } & T)
  | { ok: false; reason: MonitorRefusal }
  | { ok: false; reason: 'unreachable'; message: string }

export interface MonitoringRequests {
  /** A lead asks to monitor `agentId`'s call `callId` in `mode`. */
  'monitoring:start': (args: {
    agentId: string
    callId: string
    mode: MonitorMode
  }) => MonitorOutcome<{ start: MonitorStartReply }>
  /**
   * The agent's desk admits a grant: checks it (signature, expiry with skew, this agent, one of
   * `callIds`), then redeems it once with the server. A refusal the desk made by itself is
   * reported to the server for the audit. `from` is who called, as signalled.
   */
  'monitoring:admit': (args: {
    token: string
    callIds: string[]
    from: string
  }) => MonitorOutcome<{ claims: MonitorGrantClaims }>
  /** The lead switches mode (audited, checked against the policy). */
  'monitoring:mode': (args: { sessionId: string; mode: MonitorMode }) => MonitorOutcome<object>
  /** Either side ends the session (idempotent). */
  'monitoring:end': (args: { sessionId: string; reason: MonitorEndReason }) => { ended: true }
  /** Admins: the latest sessions with their events. */
  'monitoring:sessions': (args: { limit: number }) => { sessions: MonitoringSessionView[] }
}
