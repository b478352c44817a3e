/**
 * Dispositions (one wrap-up code per call, linked to its interaction) and callbacks (calls
 * promised for later, assigned to a team member). Practice rows are flagged and carry no
 * interaction; a trainer's have no team.
 */
import type { Migration } from './migration'

export const migration011DispositionsAndCallbacks: Migration = {
  version: 11,
  name: 'dispositions-and-callbacks',
  statements: [
    `CREATE TABLE dispositions (
       id uuid PRIMARY KEY,
       call_id text NOT NULL,
       interaction_id uuid REFERENCES interactions (id),
       practice boolean NOT NULL,
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid REFERENCES teams (id),
       code text NOT NULL REFERENCES disposition_codes (code),
       note text NOT NULL DEFAULT '',
       customer_id uuid REFERENCES customers (id),
       recorded_at timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       CHECK (practice = (interaction_id IS NULL))
     )`,
    // One disposition per call: a second one for the same call is a conflict, not a new row.
    `CREATE UNIQUE INDEX dispositions_agent_call_idx ON dispositions (agent_id, call_id)`,
    `CREATE UNIQUE INDEX dispositions_interaction_idx ON dispositions (interaction_id)`,
    `CREATE INDEX dispositions_team_idx ON dispositions (team_id, recorded_at)`,
    `CREATE TABLE callbacks (
       id uuid PRIMARY KEY,
       customer_id uuid REFERENCES customers (id),
       contact_name text NOT NULL DEFAULT '',
       phone_e164 text NOT NULL,
       due_at timestamptz NOT NULL,
       note text NOT NULL DEFAULT '',
       assignee_id uuid NOT NULL REFERENCES users (id),
       practice boolean NOT NULL,
       call_id text,
       created_at timestamptz NOT NULL,
       created_by uuid NOT NULL REFERENCES users (id),
       team_id uuid REFERENCES teams (id),
       status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
       completed_at timestamptz,
       completed_by uuid REFERENCES users (id),
       received_at timestamptz NOT NULL DEFAULT now(),
       CHECK (practice OR team_id IS NOT NULL)
     )`,
    `CREATE INDEX callbacks_assignee_idx ON callbacks (assignee_id, status, due_at)`,
    `CREATE INDEX callbacks_team_idx ON callbacks (team_id, status, due_at)`
  ]
}
