/**
 * Editing complaints after filing: who last changed each field and when (what a conflict shows
 * as "theirs"), and on edit events the fields that changed.
 */
import type { Migration } from './migration'

export const migration013ComplaintEdits: Migration = {
  version: 13,
  name: 'complaint-edits',
  statements: [
    // { "<field>": { "by": "<user id>", "at": "<ISO time>" } } for every field edited since filing.
    `ALTER TABLE complaints ADD COLUMN field_changes jsonb NOT NULL DEFAULT '{}'::jsonb`,
    `ALTER TABLE complaint_events ADD COLUMN fields jsonb`
  ]
}
