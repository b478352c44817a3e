/**
 * The practice mark on complaints and compensations (issue 20): a complaint filed on a practice
 * call names the scenario's persona, never a customer, and its compensations follow it. Practice
 * rows keep the author's team for grouping, but the change log puts them under the practice
 * scope (trainers and the author), and production figures leave them out.
 */
import type { Migration } from './migration'

export const migration023PracticeMarks: Migration = {
  version: 23,
  name: 'practice_marks',
  statements: [
    `ALTER TABLE complaints ADD COLUMN practice boolean NOT NULL DEFAULT false`,
    `ALTER TABLE complaints ADD COLUMN persona_id text`,
    `ALTER TABLE complaints ADD CONSTRAINT complaints_practice_mark
       CHECK (practice = (persona_id IS NOT NULL) AND (NOT practice OR customer_id IS NULL))`,
    `ALTER TABLE compensations ADD COLUMN practice boolean NOT NULL DEFAULT false`,
    `ALTER TABLE compensations ADD COLUMN persona_id text`,
    `ALTER TABLE compensations ALTER COLUMN customer_id DROP NOT NULL`,
    `ALTER TABLE compensations ADD CONSTRAINT compensations_practice_mark
       CHECK (practice = (persona_id IS NOT NULL) AND (practice = (customer_id IS NULL)))`
  ]
}
