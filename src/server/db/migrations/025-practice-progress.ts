/**
 * Practice progress (issue 20, item 5): a scored practice session per practice call a trainee
 * finished, and the cohorts trainers lead. Role-play sessions (item 4): each one a trainer was
 * issued to call a trainee as a scenario's customer, redeemed once by the trainee's desk, and
 * the trainer's feedback on it, which the trainee reads with their progress.
 *
 * The session keeps its report whole (the score and every item): progress, weakest steps and
 * certification are read from it, and it outlives a practice purge, which removes what the
 * practice call wrote (complaints, runs…) but not the trainee's record of how they did, as it
 * leaves training evaluations.
 */
import type { Migration } from './migration'

export const migration025PracticeProgress: Migration = {
  version: 25,
  name: 'practice_progress',
  statements: [
    `CREATE TABLE practice_sessions (
       id uuid PRIMARY KEY,
       trainee_id uuid NOT NULL REFERENCES users (id),
       call_id text NOT NULL,
       mode text NOT NULL CHECK (mode IN ('solo', 'roleplay')),
       scenario_id text NOT NULL,
       scenario_version integer NOT NULL,
       script_id text NOT NULL,
       script_version integer NOT NULL,
       ended_at timestamptz NOT NULL,
       percent double precision NOT NULL CHECK (percent >= 0 AND percent <= 100),
       passed boolean NOT NULL,
       critical_failures integer NOT NULL,
       report jsonb NOT NULL,
       scored_at timestamptz NOT NULL DEFAULT now(),
       received_at timestamptz NOT NULL DEFAULT now(),
       FOREIGN KEY (scenario_id, scenario_version) REFERENCES practice_scenarios (scenario_id, version)
     )`,
    // One session per practice call of a trainee: a desk that journals it twice is a repeat.
    `CREATE UNIQUE INDEX practice_sessions_call_idx ON practice_sessions (trainee_id, call_id)`,
    `CREATE INDEX practice_sessions_trainee_idx ON practice_sessions (trainee_id, ended_at)`,
    `CREATE TABLE training_cohorts (
       id uuid PRIMARY KEY,
       name text NOT NULL,
       trainer_id uuid NOT NULL REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX training_cohorts_trainer_idx ON training_cohorts (trainer_id)`,
    `CREATE TABLE training_cohort_members (
       cohort_id uuid NOT NULL REFERENCES training_cohorts (id) ON DELETE CASCADE,
       trainee_id uuid NOT NULL REFERENCES users (id),
       added_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (cohort_id, trainee_id)
     )`,
    `CREATE INDEX training_cohort_members_trainee_idx ON training_cohort_members (trainee_id)`,
    `CREATE TABLE practice_roleplays (
       id uuid PRIMARY KEY,
       trainer_id uuid NOT NULL REFERENCES users (id),
       trainee_id uuid NOT NULL REFERENCES users (id),
       scenario_id text NOT NULL,
       scenario_version integer NOT NULL,
       issued_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL,
       redeemed_at timestamptz,
       -- The trainee's side of the call, as their desk named it when it redeemed the session.
       trainee_call_id text,
       -- The trainer's feedback ({ comment, notes }), the last one sent (by its trainer or an
       -- admin: who sent it signs it); only once redeemed.
       feedback jsonb,
       feedback_by uuid REFERENCES users (id),
       feedback_sent_at timestamptz,
       FOREIGN KEY (scenario_id, scenario_version) REFERENCES practice_scenarios (scenario_id, version),
       CHECK ((redeemed_at IS NULL) = (trainee_call_id IS NULL)),
       CHECK ((feedback IS NULL) = (feedback_sent_at IS NULL)),
       CHECK ((feedback IS NULL) = (feedback_by IS NULL)),
       CHECK (feedback IS NULL OR redeemed_at IS NOT NULL)
     )`,
    `CREATE INDEX practice_roleplays_trainee_idx ON practice_roleplays (trainee_id, issued_at)`
  ]
}
