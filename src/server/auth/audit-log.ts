/** Sensitive actions (logins, token revocations, compensations and their approvals, escalations and assignments, complaint edits, configuration changes, a lead forcing an agent's state, whispers to agents, monitoring sessions and their refusals, every step of an evaluation, an admin's evaluation forms and a trainer's practice scenarios, purges of practice data and cohorts, role-play sessions and a trainer's feedback on them) leave a row that says who, what and when. */
import type { Queryable } from '../db/db'

export type AuditAction =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.refresh_reuse_detected'
  | 'auth.logout'
  | 'customers.imported'
  | 'script.uploaded'
  | 'script.published'
  | 'compensation.granted'
  | 'compensation.requested'
  | 'compensation.approved'
  | 'compensation.rejected'
  | 'complaint.escalated'
  | 'complaint.assigned'
  | 'complaint.edited'
  | 'configuration.created'
  | 'configuration.updated'
  | 'configuration.retired'
  | 'configuration.restored'
  | 'user.directory_updated'
  | 'agent_state.forced'
  | 'whisper.sent'
  | 'monitoring.issued'
  | 'monitoring.redeemed'
  | 'monitoring.mode'
  | 'monitoring.ended'
  | 'monitoring.refused'
  | 'monitoring.keys_rotated'
  | 'evaluation.created'
  | 'evaluation.saved'
  | 'evaluation.released'
  | 'evaluation.submitted'
  | 'evaluation.acknowledged'
  | 'evaluation.disputed'
  | 'evaluation.resolved'
  | 'evaluation_form.uploaded'
  | 'evaluation_form.published'
  | 'evaluation_form.retired'
  | 'evaluation_form.restored'
  | 'practice_scenario.uploaded'
  | 'practice_scenario.published'
  | 'practice_scenario.retired'
  | 'practice_scenario.restored'
  | 'practice.purged'
  | 'training_cohort.created'
  | 'training_cohort.changed'
  | 'training_cohort.deleted'
  | 'practice_roleplay.issued'
  | 'practice_roleplay.redeemed'
  | 'practice_roleplay.withdrawn'
  | 'practice_roleplay.feedback'

export interface AuditEntry {
  action: AuditAction
  actorId?: string | null
  actorUsername?: string | null
  target?: string | null
  ip?: string | null
  details?: Record<string, unknown>
}

/** Appends one entry to the audit log. */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_username, action, target, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      entry.actorId ?? null,
      entry.actorUsername ?? null,
      entry.action,
      entry.target ?? null,
      entry.ip ?? null,
      JSON.stringify(entry.details ?? {})
    ]
  )
}
