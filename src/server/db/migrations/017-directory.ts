/**
 * The colleague directory and the party of a call.
 *
 * `directory_entries` keeps the entry last published to the change log for each user, so the
 * server can tell at start (or after an admin's edit) which users changed — a new extension, a
 * renamed user or team, another role, another SIP domain in the configuration — and publish only
 * those. `interactions.party` tells calls with a colleague from customer calls, so customer
 * figures can leave them out; every earlier record was a customer call.
 */
import type { Migration } from './migration'

export const migration017Directory: Migration = {
  version: 17,
  name: 'directory',
  statements: [
    `CREATE TABLE directory_entries (
       user_id uuid PRIMARY KEY REFERENCES users (id),
       data jsonb NOT NULL,
       published_at timestamptz NOT NULL DEFAULT now()
     )`,
    `ALTER TABLE interactions ADD COLUMN party text NOT NULL DEFAULT 'customer'
       CHECK (party IN ('customer', 'colleague'))`
  ]
}
