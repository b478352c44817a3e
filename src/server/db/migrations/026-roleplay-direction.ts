/**
 * Role-play the other way (issue 20, item 4): for an outbound scenario the trainee calls the
 * trainer, who plays the customer being called. A session says which side dials; the trainee's
 * desk is invited while it is open, and the trainer may withdraw it before it is taken.
 */
import type { Migration } from './migration'

export const migration026RoleplayDirection: Migration = {
  version: 26,
  name: 'roleplay_direction',
  statements: [
    `ALTER TABLE practice_roleplays ADD COLUMN direction text NOT NULL DEFAULT 'trainer_calls'
       CHECK (direction IN ('trainer_calls', 'trainee_calls'))`,
    `ALTER TABLE practice_roleplays ADD COLUMN withdrawn_at timestamptz`,
    // The trainee's desk asks for its open invitations at start and at every poke.
    `CREATE INDEX practice_roleplays_open_idx ON practice_roleplays (trainee_id, expires_at)
       WHERE direction = 'trainee_calls' AND redeemed_at IS NULL AND withdrawn_at IS NULL`
  ]
}
