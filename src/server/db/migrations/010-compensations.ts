/**
 * Compensations on complaints: granted within authority, or requested and decided by a lead.
 * The daily caps are summed from `received_at` (the server's clock: a client's `requested_at`
 * cannot move a grant into another day). Timeline events may point at the compensation.
 */
import type { Migration } from './migration'

export const migration010Compensations: Migration = {
  version: 10,
  name: 'compensations',
  statements: [
    `CREATE TABLE compensations (
       id uuid PRIMARY KEY,
       complaint_id uuid NOT NULL REFERENCES complaints (id),
       customer_id uuid NOT NULL REFERENCES customers (id),
       team_id uuid REFERENCES teams (id),
       type text NOT NULL,
       amount numeric(12, 2) NOT NULL CHECK (amount > 0),
       currency text NOT NULL,
       reason text NOT NULL,
       tier text NOT NULL,
       status text NOT NULL CHECK (status IN ('granted', 'pending', 'approved', 'rejected')),
       approval_reason text,
       requested_by uuid NOT NULL REFERENCES users (id),
       requested_at timestamptz NOT NULL,
       decided_by uuid REFERENCES users (id),
       decided_at timestamptz,
       decision_reason text,
       received_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX compensations_agent_day_idx ON compensations (requested_by, received_at)`,
    `CREATE INDEX compensations_customer_day_idx ON compensations (customer_id, received_at)`,
    `CREATE INDEX compensations_complaint_idx ON compensations (complaint_id)`,
    `ALTER TABLE complaint_events ADD COLUMN compensation_id uuid REFERENCES compensations (id)`
  ]
}
