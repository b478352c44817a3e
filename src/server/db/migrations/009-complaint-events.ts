/**
 * A complaint's timeline: every lifecycle step with who took it, when, and the note they left;
 * and when the case was resolved (kept on the case, for the SLA's met or missed).
 */
import type { Migration } from './migration'

export const migration009ComplaintEvents: Migration = {
  version: 9,
  name: 'complaint-events',
  statements: [
    `ALTER TABLE complaints ADD COLUMN resolved_at timestamptz`,
    `CREATE TABLE complaint_events (
       id uuid PRIMARY KEY,
       complaint_id uuid NOT NULL REFERENCES complaints (id),
       action text NOT NULL,
       from_status text NOT NULL,
       to_status text NOT NULL,
       note text,
       actor_id uuid NOT NULL REFERENCES users (id),
       at timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, at)`
  ]
}
