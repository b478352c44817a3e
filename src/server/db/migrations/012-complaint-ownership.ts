/**
 * Who works a complaint: the assignee (null: whoever filed it), an open escalation to the team
 * lead with its reason, and on assignment events the person assigned. Indexes for the analysis:
 * complaints by filing time across teams, and a customer's later complaints (retention).
 */
import type { Migration } from './migration'

export const migration012ComplaintOwnership: Migration = {
  version: 12,
  name: 'complaint-ownership',
  statements: [
    `ALTER TABLE complaints
       ADD COLUMN assignee_id uuid REFERENCES users (id),
       ADD COLUMN escalated_at timestamptz,
       ADD COLUMN escalated_by uuid REFERENCES users (id),
       ADD COLUMN escalation_reason text`,
    `ALTER TABLE complaint_events ADD COLUMN assignee_id uuid REFERENCES users (id)`,
    `CREATE INDEX complaints_created_idx ON complaints (created_at)`,
    `CREATE INDEX complaints_customer_created_idx ON complaints (customer_id, created_at)`
  ]
}
