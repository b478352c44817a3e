/**
 * Agent state records, and the configuration every client pulls read-only: disposition codes,
 * pause reasons, complaint categories (a subcategory has a parent), compensation limits.
 * `change_log.user_id` marks rows private to one agent (plus their team's leads and admins).
 */
import type { Migration } from './migration'

export const migration005AgentStatesAndConfiguration: Migration = {
  version: 5,
  name: 'agent-states-and-configuration',
  statements: [
    `ALTER TABLE change_log ADD COLUMN user_id uuid`,
    `CREATE TABLE agent_states (
       id uuid PRIMARY KEY,
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid NOT NULL REFERENCES teams (id),
       state text NOT NULL
         CHECK (state IN ('ready', 'not_ready', 'on_call', 'wrap_up', 'logged_out')),
       pause_reason text CHECK (pause_reason IS NULL OR state = 'not_ready'),
       since timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX agent_states_agent_idx ON agent_states (agent_id, since)`,
    `CREATE INDEX agent_states_team_idx ON agent_states (team_id, since)`,
    `CREATE TABLE disposition_codes (
       code text PRIMARY KEY,
       label_es text NOT NULL,
       label_en text NOT NULL,
       needs_callback boolean NOT NULL DEFAULT false,
       active boolean NOT NULL DEFAULT true,
       sort_order integer NOT NULL DEFAULT 0
     )`,
    `CREATE TABLE pause_reasons (
       code text PRIMARY KEY,
       label_es text NOT NULL,
       label_en text NOT NULL,
       paid boolean NOT NULL DEFAULT false,
       max_minutes integer CHECK (max_minutes IS NULL OR max_minutes > 0),
       selectable boolean NOT NULL DEFAULT true,
       active boolean NOT NULL DEFAULT true,
       sort_order integer NOT NULL DEFAULT 0
     )`,
    `CREATE TABLE complaint_categories (
       code text PRIMARY KEY,
       parent_code text REFERENCES complaint_categories (code),
       label_es text NOT NULL,
       label_en text NOT NULL,
       active boolean NOT NULL DEFAULT true,
       sort_order integer NOT NULL DEFAULT 0
     )`,
    `CREATE TABLE compensation_limits (
       role text NOT NULL CHECK (role IN ('agent', 'team_lead', 'trainer', 'admin')),
       tier text NOT NULL,
       max_amount numeric(12, 2) NOT NULL CHECK (max_amount >= 0),
       PRIMARY KEY (role, tier)
     )`,
    `CREATE TABLE compensation_caps (
       scope text NOT NULL CHECK (scope IN ('agent_daily', 'customer_daily')),
       role text NOT NULL DEFAULT '' ,
       max_amount numeric(12, 2) NOT NULL CHECK (max_amount >= 0),
       PRIMARY KEY (scope, role)
     )`,
    `CREATE TABLE settings (
       key text PRIMARY KEY,
       value jsonb NOT NULL
     )`
  ]
}
