/**
 * The initial schema. Team-owned rows carry `team_id` so a distributed engine (Citus,
 * YugabyteDB) can shard by team; customers are read by every team and would be a reference table.
 */
import type { Migration } from './migration'

export const migration001Init: Migration = {
  version: 1,
  name: 'init',
  statements: [
    `CREATE TABLE teams (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('agent', 'team_lead', 'trainer', 'admin')),
      team_id uuid REFERENCES teams (id),
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE refresh_tokens (
      token_hash text PRIMARY KEY,
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      revoked_at timestamptz
    )`,
    `CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`,
    `CREATE TABLE customers (
      id uuid PRIMARY KEY,
      external_ref text NOT NULL UNIQUE,
      first_name text NOT NULL,
      last_name text NOT NULL,
      document_id text,
      preferred_language text NOT NULL,
      recency_days integer NOT NULL,
      frequency_12m integer NOT NULL,
      monetary_12m double precision NOT NULL,
      lifetime_value double precision NOT NULL,
      tier text NOT NULL,
      do_not_call boolean NOT NULL DEFAULT false,
      notes text NOT NULL DEFAULT '',
      data jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE customer_phones (
      customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      e164 text NOT NULL,
      kind text NOT NULL,
      PRIMARY KEY (customer_id, e164)
    )`,
    `CREATE INDEX customer_phones_e164_idx ON customer_phones (e164)`,
    `CREATE SEQUENCE complaint_case_seq`,
    `CREATE TABLE complaints (
      id uuid PRIMARY KEY,
      case_number text NOT NULL UNIQUE,
      customer_id uuid REFERENCES customers (id),
      call_id text,
      category text NOT NULL,
      description text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      agent_id uuid NOT NULL REFERENCES users (id),
      team_id uuid REFERENCES teams (id),
      created_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX complaints_team_idx ON complaints (team_id, created_at)`,
    // One counter row instead of an identity column: writers take its row lock until commit, so
    // sequence numbers become visible in order and a pull can never skip a late commit.
    `CREATE TABLE change_log_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL
    )`,
    `INSERT INTO change_log_head (id, seq) VALUES (1, 0)`,
    `CREATE TABLE change_log (
      seq bigint PRIMARY KEY,
      entity text NOT NULL,
      entity_id uuid NOT NULL,
      team_id uuid,
      data jsonb NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX change_log_team_seq_idx ON change_log (team_id, seq)`,
    `CREATE TABLE applied_mutations (
      client_id uuid NOT NULL,
      mutation_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id),
      name text NOT NULL,
      result jsonb NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, mutation_id)
    )`,
    `CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_username text,
      action text NOT NULL,
      target text,
      ip text,
      details jsonb NOT NULL DEFAULT '{}'
    )`,
    `CREATE INDEX audit_log_at_idx ON audit_log (at)`
  ]
}
