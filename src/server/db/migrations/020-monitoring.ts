/**
 * Monitoring (docs/monitoring.md): the keys grants are signed with (kept here so every instance
 * signs and verifies with the same ones), one row per monitoring session (its id is the grant's
 * `jti`), the session's events for the admins' log, and who monitored a call on its record.
 */
import type { Migration } from './migration'

export const migration020Monitoring: Migration = {
  version: 20,
  name: 'monitoring',
  statements: [
    `CREATE TABLE monitoring_keys (
       kid text PRIMARY KEY,
       public_jwk jsonb NOT NULL,
       private_jwk jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       retired_at timestamptz
     )`,
    // At most one current key: two instances creating the first key at once, one of them wins.
    `CREATE UNIQUE INDEX monitoring_keys_current_idx ON monitoring_keys ((true))
       WHERE retired_at IS NULL`,
    `CREATE TABLE monitoring_sessions (
       id uuid PRIMARY KEY,
       method text NOT NULL CHECK (method IN ('builtin', 'pbx')),
       lead_id uuid NOT NULL REFERENCES users (id),
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid NOT NULL REFERENCES teams (id),
       call_id text NOT NULL,
       mode text NOT NULL,
       modes jsonb NOT NULL,
       issued_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       redeemed_at timestamptz,
       ended_at timestamptz,
       end_reason text
     )`,
    `CREATE INDEX monitoring_sessions_issued_idx ON monitoring_sessions (issued_at DESC)`,
    // A forged or unknown grant has no session: its refusal is kept with session_id null.
    `CREATE TABLE monitoring_events (
       id bigserial PRIMARY KEY,
       session_id uuid REFERENCES monitoring_sessions (id),
       at timestamptz NOT NULL DEFAULT now(),
       kind text NOT NULL CHECK (kind IN ('issued', 'redeemed', 'mode', 'ended', 'refused')),
       mode text,
       detail text,
       actor_id uuid REFERENCES users (id)
     )`,
    `CREATE INDEX monitoring_events_session_idx ON monitoring_events (session_id, at)`,
    `ALTER TABLE interactions ADD COLUMN monitored_by jsonb`
  ]
}
