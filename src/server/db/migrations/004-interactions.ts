/** Interaction records: one row per call, written by the agent's app when the call ends. */
import type { Migration } from './migration'

export const migration004Interactions: Migration = {
  version: 4,
  name: 'interactions',
  statements: [
    `CREATE TABLE interactions (
       id uuid PRIMARY KEY,
       call_id text NOT NULL,
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid NOT NULL REFERENCES teams (id),
       customer_id uuid REFERENCES customers (id),
       direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
       remote_number text NOT NULL,
       remote_e164 text,
       ring_at timestamptz NOT NULL,
       answered_at timestamptz,
       ended_at timestamptz NOT NULL,
       hold_seconds double precision NOT NULL DEFAULT 0,
       result text NOT NULL CHECK (result IN ('answered', 'missed', 'declined', 'failed')),
       ended_by text CHECK (ended_by IN ('local', 'remote', 'system')),
       received_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX interactions_customer_idx ON interactions (customer_id, ring_at)`,
    `CREATE INDEX interactions_team_idx ON interactions (team_id, ring_at)`
  ]
}
