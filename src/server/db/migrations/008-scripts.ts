/**
 * Call scripts in versions: uploaded as drafts by trainers and admins, published to every client
 * through the change log. A version never changes once uploaded; a fix is a new version.
 */
import type { Migration } from './migration'

export const migration008Scripts: Migration = {
  version: 8,
  name: 'scripts',
  statements: [
    `CREATE TABLE scripts (
       script_id text NOT NULL,
       version integer NOT NULL CHECK (version >= 1),
       status text NOT NULL CHECK (status IN ('draft', 'published')),
       source text NOT NULL,
       uploaded_by uuid NOT NULL REFERENCES users (id),
       uploaded_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz,
       PRIMARY KEY (script_id, version),
       CHECK ((status = 'published') = (published_at IS NOT NULL))
     )`
  ]
}
