/**
 * Monitoring sessions and their events in the database, and the audit row each event also
 * leaves. A session's id is its grant's `jti`; a refusal of a grant that names no session (forged,
 * unknown) is kept with no session.
 */
import type { MonitoringSessionView } from '@shared/monitoring/monitoring-api'
import type { MonitorMode } from '@shared/monitoring/monitoring'
import { writeAudit, type AuditAction } from '../auth/audit-log'
import type { Queryable } from '../db/db'

export type MonitoringEventKind = 'issued' | 'redeemed' | 'mode' | 'ended' | 'refused'

export interface SessionRow {
  id: string
  method: 'builtin' | 'pbx'
  lead_id: string
  agent_id: string
  team_id: string
  call_id: string
  mode: MonitorMode
  modes: MonitorMode[]
  issued_at: Date
  expires_at: Date
  redeemed_at: Date | null
  ended_at: Date | null
  end_reason: string | null
}

export interface NewSession {
  id: string
  method: 'builtin' | 'pbx'
  leadId: string
  agentId: string
  teamId: string
  callId: string
  mode: MonitorMode
  modes: MonitorMode[]
  issuedAt: Date
  expiresAt: Date
}

export async function insertSession(tx: Queryable, s: NewSession): Promise<void> {
  await tx.query(
    `INSERT INTO monitoring_sessions (id, method, lead_id, agent_id, team_id, call_id, mode, modes,
       issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
    [
      s.id,
      s.method,
      s.leadId,
      s.agentId,
      s.teamId,
      s.callId,
      s.mode,
      JSON.stringify(s.modes),
      s.issuedAt,
      s.expiresAt
    ]
  )
}

export async function readSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const rows = await tx.query<SessionRow>('SELECT * FROM monitoring_sessions WHERE id = $1', [id])
  return rows[0] ?? null
}

const auditActions: Record<MonitoringEventKind, AuditAction> = {
  issued: 'monitoring.issued',
  redeemed: 'monitoring.redeemed',
  mode: 'monitoring.mode',
  ended: 'monitoring.ended',
  refused: 'monitoring.refused'
}

export interface MonitoringEvent {
  sessionId: string | null
  kind: MonitoringEventKind
  mode?: MonitorMode | null
  /** The end reason or the refusal. */
  detail?: string | null
  actorId: string | null
  ip?: string | null
  /** More for the audit row only (e.g. a refused grant's claimed lead). */
  audit?: Record<string, unknown>
}

/** Records one event of a session (or of a refused grant) and its audit row. */
export async function recordEvent(tx: Queryable, event: MonitoringEvent): Promise<void> {
  await tx.query(
    `INSERT INTO monitoring_events (session_id, kind, mode, detail, actor_id)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.sessionId, event.kind, event.mode ?? null, event.detail ?? null, event.actorId]
  )
  await writeAudit(tx, {
    action: auditActions[event.kind],
    actorId: event.actorId,
    target: event.sessionId,
    ip: event.ip ?? null,
    details: {
      ...(event.mode ? { mode: event.mode } : {}),
      ...(event.detail ? { detail: event.detail } : {}),
      ...event.audit
    }
  })
}

interface SessionListRow extends SessionRow {
  lead_name: string
  agent_name: string
}

interface EventListRow {
  session_id: string
  at: Date
  kind: MonitoringEventKind
  mode: MonitorMode | null
  detail: string | null
  actor_id: string | null
  actor_name: string | null
}

/** The latest sessions, newest first, with their events in order and the names of who acted. */
export async function listSessions(db: Queryable, limit: number): Promise<MonitoringSessionView[]> {
  const sessions = await db.query<SessionListRow>(
    `SELECT s.*, l.display_name AS lead_name, a.display_name AS agent_name
     FROM monitoring_sessions s
     JOIN users l ON l.id = s.lead_id
     JOIN users a ON a.id = s.agent_id
     ORDER BY s.issued_at DESC, s.id
     LIMIT $1`,
    [limit]
  )
  if (sessions.length === 0) return []
  const events = await db.query<EventListRow>(
    `SELECT e.session_id, e.at, e.kind, e.mode, e.detail, e.actor_id, u.display_name AS actor_name
     FROM monitoring_events e
     LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.session_id IN (SELECT id FROM monitoring_sessions ORDER BY issued_at DESC, id LIMIT $1)
     ORDER BY e.at, e.id`,
    [limit]
  )
  return sessions.map((s) => ({
    id: s.id,
    method: s.method,
    leadId: s.lead_id,
    leadName: s.lead_name,
    agentId: s.agent_id,
    agentName: s.agent_name,
    callId: s.call_id,
    modes: s.modes,
    issuedAt: s.issued_at.toISOString(),
    redeemedAt: s.redeemed_at?.toISOString() ?? null,
    endedAt: s.ended_at?.toISOString() ?? null,
    endReason: s.end_reason,
    events: events
      .filter((e) => e.session_id === s.id)
      .map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        mode: e.mode,
        detail: e.detail,
        actorId: e.actor_id,
        actorName: e.actor_name
      }))
  }))
}
