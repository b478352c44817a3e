/**
 * Visual whispers: a lead's short message (or suggested script jump) to one agent, private to the
 * agent and the team's leads, acknowledged by the agent. Written while 018 was still on another
 * branch: the runner applies every version a database lacks, whatever order they landed in.
 */
import type { Migration } from './migration'

export const migration019Whispers: Migration = {
  version: 19,
  name: 'whispers',
  statements: [
    `CREATE TABLE whispers (
       id uuid PRIMARY KEY,
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid NOT NULL REFERENCES teams (id),
       lead_id uuid NOT NULL REFERENCES users (id),
       call_id text,
       kind text NOT NULL CHECK (kind IN ('text', 'jump')),
       text text NOT NULL DEFAULT '',
       jump_id text,
       jump_label text,
       answers_hand boolean NOT NULL DEFAULT false,
       sent_at timestamptz NOT NULL,
       acknowledged_at timestamptz,
       received_at timestamptz NOT NULL DEFAULT now(),
       CHECK ((kind = 'jump') = (jump_id IS NOT NULL))
     )`,
    `CREATE INDEX whispers_agent_idx ON whispers (agent_id, sent_at)`,
    `CREATE INDEX whispers_call_idx ON whispers (call_id) WHERE call_id IS NOT NULL`
  ]
}
