/**
 * The richer complaint: subcategory, severity with its due time, the quality dimension, what the
 * customer expected and received, and the remedy asked for. Older rows keep medium severity and
 * no due time (they were filed before severities existed).
 */
import type { Migration } from './migration'

export const migration007ComplaintDetails: Migration = {
  version: 7,
  name: 'complaint-details',
  statements: [
    `ALTER TABLE complaints
       ADD COLUMN subcategory text,
       ADD COLUMN severity text NOT NULL DEFAULT 'medium'
         CHECK (severity IN ('low', 'medium', 'high', 'critical')),
       ADD COLUMN due_at timestamptz,
       ADD COLUMN quality_dimension text,
       ADD COLUMN expected text NOT NULL DEFAULT '',
       ADD COLUMN received text NOT NULL DEFAULT '',
       ADD COLUMN requested_remedy text NOT NULL DEFAULT ''`
  ]
}
