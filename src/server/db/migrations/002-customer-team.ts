/**
 * Contacts created by agents (`customer.create`) belong to the creator's team: only that team
 * pulls and looks them up. Seeded and imported customers keep a null team (every team sees them).
 */
import type { Migration } from './migration'

export const migration002CustomerTeam: Migration = {
  version: 2,
  name: 'customer-team',
  statements: [
    `ALTER TABLE customers ADD COLUMN team_id uuid REFERENCES teams (id)`,
    `ALTER TABLE customers ADD COLUMN created_by uuid REFERENCES users (id)`
  ]
}
