/**
 * Script run records: how each call went through its script. Steps and confirmations are JSON
 * (bounded by the mutation's schema); analytics read them per script version.
 */
import type { Migration } from './migration'

export const migration006ScriptRuns: Migration = {
  version: 6,
  name: 'script-runs',
  statements: [
    `CREATE TABLE script_runs (
       id uuid PRIMARY KEY,
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid REFERENCES teams (id),
       call_id text,
       practice boolean NOT NULL,
       customer_id uuid REFERENCES customers (id),
       script_id text NOT NULL,
       script_version integer NOT NULL,
       language text NOT NULL,
       status text NOT NULL CHECK (status IN ('closed', 'abandoned')),
       outcome text,
       abandon_reason text,
       started_at timestamptz NOT NULL,
       ended_at timestamptz NOT NULL,
       steps jsonb NOT NULL,
       confirmations jsonb NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       CHECK (practice OR team_id IS NOT NULL)
     )`,
    `CREATE INDEX script_runs_version_idx ON script_runs (script_id, script_version, practice)`,
    `CREATE INDEX script_runs_team_idx ON script_runs (team_id, started_at)`
  ]
}
