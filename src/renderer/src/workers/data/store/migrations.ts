/**
 * Schema migrations of the local store, versioned in code with `PRAGMA user_version`.
 * Append new steps; never edit a released one.
 */
import type { Database } from 'sql.js'

import { foldForSearch } from '@shared/domain/text'

import { asNumber, inTransaction, queryOne } from './sql'

/** A SQL function with the code's accent and case folding, for steps that fill folded columns. */
const FOLD_FUNCTION = 'atiende_fold'

const steps: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    external_ref TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name_folded TEXT NOT NULL,
    last_name_folded TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    document_id TEXT,
    tier TEXT NOT NULL,
    language TEXT NOT NULL,
    do_not_call INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX customers_external_ref ON customers (external_ref);
  CREATE INDEX customers_document_id ON customers (document_id);
  CREATE INDEX customers_first_name_folded ON customers (first_name_folded);
  CREATE INDEX customers_last_name_folded ON customers (last_name_folded);
  CREATE INDEX customers_name_folded ON customers (name_folded);
  CREATE TABLE customer_phones (
    e164 TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX customer_phones_customer ON customer_phones (customer_id);
  CREATE TABLE customer_emails (
    email TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (email, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX customer_emails_customer ON customer_emails (customer_id);
  CREATE TABLE complaints (
    id TEXT PRIMARY KEY,
    case_number TEXT,
    customer_id TEXT,
    call_id TEXT,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'rejected')),
    reject_reason TEXT
  );
  CREATE INDEX complaints_customer ON complaints (customer_id, created_at);
  CREATE INDEX complaints_created ON complaints (created_at);
  CREATE TABLE outbox (
    mutation_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'rejected')),
    last_error TEXT
  );
  `,
  // 2: the cache designed for a million customers. Columns only for what is looked up (the card
  // reads the JSON); no rowid on the lookup tables; a number may belong to several customers (a
  // household line), so the phone key is (e164, customer_id); the customer_id indexes go, since
  // an upsert deletes the old keys it reads from the stored JSON. The first-name index goes
  // too: name_folded starts with the first name, so its index answers those prefixes.
  `
  CREATE TABLE customers_v2 (
    id TEXT PRIMARY KEY,
    external_ref TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    last_name_folded TEXT NOT NULL,
    document_id TEXT,
    data TEXT NOT NULL
  );
  INSERT INTO customers_v2 (id, external_ref, name_folded, last_name_folded, document_id, data)
    SELECT id, external_ref, name_folded, last_name_folded, document_id, data FROM customers;
  DROP TABLE customers;
  ALTER TABLE customers_v2 RENAME TO customers;
  CREATE INDEX customers_external_ref ON customers (external_ref);
  CREATE INDEX customers_document_id ON customers (document_id);
  CREATE INDEX customers_name_folded ON customers (name_folded);
  CREATE INDEX customers_last_name_folded ON customers (last_name_folded);
  CREATE TABLE customer_phones_v2 (
    e164 TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (e164, customer_id)
  ) WITHOUT ROWID;
  INSERT INTO customer_phones_v2 (e164, customer_id) SELECT e164, customer_id FROM customer_phones;
  DROP TABLE customer_phones;
  ALTER TABLE customer_phones_v2 RENAME TO customer_phones;
  DROP INDEX customer_emails_customer;
  `,
  // 3 → 4: finished calls, for sync and for the card's latest interactions.
  `
  CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    ring_at TEXT NOT NULL,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX interactions_customer_ring ON interactions (customer_id, ring_at);
  `,
  // 4: integer customer keys. Phones and e-mails point at a small integer instead of a 36-byte
  // uuid (about 100 bytes less per customer), and every customer index is a plain secondary
  // index that a bulk load can drop and rebuild in one sorted pass (see customer-bulk-load.ts).
  `
  CREATE TABLE customers_v4 (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    external_ref TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    last_name_folded TEXT NOT NULL,
    document_id TEXT,
    data TEXT NOT NULL
  );
  INSERT INTO customers_v4 (id, external_ref, name_folded, last_name_folded, document_id, data)
    SELECT id, external_ref, name_folded, last_name_folded, document_id, data FROM customers;
  CREATE UNIQUE INDEX customers_v4_id ON customers_v4 (id);
  CREATE TABLE customer_phones_v4 (
    e164 TEXT NOT NULL,
    customer_key INTEGER NOT NULL,
    PRIMARY KEY (e164, customer_key)
  ) WITHOUT ROWID;
  INSERT INTO customer_phones_v4 (e164, customer_key)
    SELECT p.e164, c.key FROM customer_phones p JOIN customers_v4 c ON c.id = p.customer_id;
  CREATE TABLE customer_emails_v4 (
    email TEXT NOT NULL,
    customer_key INTEGER NOT NULL,
    PRIMARY KEY (email, customer_key)
  ) WITHOUT ROWID;
  INSERT INTO customer_emails_v4 (email, customer_key)
    SELECT e.email, c.key FROM customer_emails e JOIN customers_v4 c ON c.id = e.customer_id;
  DROP TABLE customers;
  DROP TABLE customer_phones;
  DROP TABLE customer_emails;
  ALTER TABLE customers_v4 RENAME TO customers;
  ALTER TABLE customer_phones_v4 RENAME TO customer_phones;
  ALTER TABLE customer_emails_v4 RENAME TO customer_emails;
  DROP INDEX customers_v4_id;
  CREATE UNIQUE INDEX customers_id ON customers (id);
  CREATE INDEX customers_external_ref ON customers (external_ref);
  CREATE INDEX customers_document_id ON customers (document_id);
  CREATE INDEX customers_name_folded ON customers (name_folded);
  CREATE INDEX customers_last_name_folded ON customers (last_name_folded);
  `,
  // Agent state records (own ones journaled; a lead's team pulled) and the configuration pulled
  // read-only from the server (dispositions, pause reasons, categories, limits, users, teams).
  `
  CREATE TABLE IF NOT EXISTS agent_states (
    id TEXT PRIMARY KEY,
    agent_id TEXT,
    since TEXT NOT NULL,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS agent_states_agent_since ON agent_states (agent_id, since);
  CREATE TABLE IF NOT EXISTS config_rows (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  `,
  // The richer complaint: severity and due time as columns (lists filter on them), the rest of
  // what the form asks in one JSON column read only by the card.
  `
  ALTER TABLE complaints ADD COLUMN severity TEXT NOT NULL DEFAULT 'medium';
  ALTER TABLE complaints ADD COLUMN due_at TEXT;
  ALTER TABLE complaints ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
  `,
  // Lists of one agent's complaints and filters on status and SLA. A row written here and not
  // yet synced has no agent (it is this user's); the server's rows bring theirs.
  `
  ALTER TABLE complaints ADD COLUMN agent_id TEXT;
  CREATE INDEX complaints_agent ON complaints (agent_id, created_at);
  CREATE INDEX complaints_status_due ON complaints (status, due_at);
  `,
  // 8: compensations on complaints (own grants journaled, the team's pulled; a lead lists the
  // pending ones) and complaint timelines pulled from the server.
  `
  CREATE TABLE compensations (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL,
    reject_reason TEXT
  );
  CREATE INDEX compensations_complaint ON compensations (complaint_id, requested_at);
  CREATE INDEX compensations_status ON compensations (status, requested_at);
  CREATE TABLE complaint_events (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
  `,
  // 9: dispositions (one per call; pending until the server has it) and callbacks, with the
  // columns "my callbacks" lists by. A row written here has no agent yet (it is this user's).
  `
  CREATE TABLE dispositions (
    id TEXT PRIMARY KEY,
    call_id TEXT NOT NULL,
    agent_id TEXT,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX dispositions_call ON dispositions (call_id);
  CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    assignee_id TEXT NOT NULL,
    status TEXT NOT NULL,
    due_at TEXT NOT NULL,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX callbacks_assignee_status_due ON callbacks (assignee_id, status, due_at);
  `,
  // 10: who works a complaint (the assignee; null: whoever filed it), an unanswered escalation
  // (open ones head the team queue) and the case's team, as the server's rows bring them.
  `
  ALTER TABLE complaints ADD COLUMN assignee_id TEXT;
  ALTER TABLE complaints ADD COLUMN escalated_at TEXT;
  ALTER TABLE complaints ADD COLUMN escalation_reason TEXT;
  ALTER TABLE complaints ADD COLUMN team_id TEXT;
  CREATE INDEX complaints_assignee ON complaints (assignee_id, created_at);
  `,
  // 11: complaint edits: the folded text the lists search (case number and description; filled for
  // the rows already here with the same folding the code uses), and the edit conflicts the
  // server answered, kept until the user chooses.
  `
  ALTER TABLE complaints ADD COLUMN search_folded TEXT NOT NULL DEFAULT '';
  UPDATE complaints SET search_folded = ${FOLD_FUNCTION}(COALESCE(case_number, '') || ' ' || description);
  CREATE TABLE complaint_conflicts (
    mutation_id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX complaint_conflicts_complaint ON complaint_conflicts (complaint_id);
  `,
  // 12: the failed answers each outbox entry got from the server (outages never count), so a
  // record the server keeps failing is shown as stuck instead of holding back the ones behind it.
  `
  ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  `,
  // 13: the colleague directory, pulled centre-wide and read-only here; looked up by extension
  // when a call rings or is placed.
  `
  CREATE TABLE directory_entries (
    user_id TEXT PRIMARY KEY,
    extension TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX directory_entries_extension ON directory_entries (extension);
  `,
  // 14: visual whispers: to this agent, or (a lead) the team's; one sent here is pending until
  // the server has it. By agent for the inbox and the lead's list, by call for the call record.
  `
  CREATE TABLE whispers (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    call_id TEXT,
    sent_at TEXT NOT NULL,
    acknowledged_at TEXT,
    data TEXT NOT NULL,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX whispers_agent_sent ON whispers (agent_id, sent_at);
  CREATE INDEX whispers_call ON whispers (call_id);
  `,
  // 15: evaluations: `server_data` is the server's version as last known (null until it has
  // one), `data` what is shown (that version with this user's pending steps on top). Newest
  // first per agent (the agent's list, a lead's view of one agent), per evaluator, per call
  // (calibration) and overall; the agent's badge counts their released ones.
  `
  CREATE TABLE evaluations (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    evaluator_id TEXT NOT NULL,
    call_id TEXT NOT NULL,
    state TEXT NOT NULL,
    kind TEXT NOT NULL,
    calibration INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL,
    server_data TEXT,
    sync_state TEXT NOT NULL
  );
  CREATE INDEX evaluations_agent_updated ON evaluations (agent_id, updated_at);
  CREATE INDEX evaluations_agent_state ON evaluations (agent_id, state);
  CREATE INDEX evaluations_evaluator_updated ON evaluations (evaluator_id, updated_at);
  CREATE INDEX evaluations_call ON evaluations (call_id);
  CREATE INDEX evaluations_updated ON evaluations (updated_at);
  `
]

/** The schema version this build writes. */
export const SCHEMA_VERSION = steps.length

/**
 * Brings `db` up to {@link SCHEMA_VERSION} (or to `target`, for tests that build an older
 * store and upgrade it); refuses a database from a newer build.
 */
export function migrate(db: Database, target = SCHEMA_VERSION): number {
  const current = asNumber(queryOne(db, 'PRAGMA user_version')?.['user_version'])
  if (current > SCHEMA_VERSION) {
    throw new Error(`local store schema ${current} is newer than this build (${SCHEMA_VERSION})`)
  }
  db.create_function(FOLD_FUNCTION, (text: unknown) =>
    foldForSearch(typeof text === 'string' ? text : '')
  )
  for (let version = current; version < Math.min(target, SCHEMA_VERSION); version++) {
    const step = steps[version]
    if (step === undefined) break
    inTransaction(db, () => {
      db.exec(step)
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.exec(`PRAGMA user_version = ${version + 1}`)
    })
  }
  return asNumber(queryOne(db, 'PRAGMA user_version')?.['user_version'])
}
