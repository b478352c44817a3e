/**
 * Practice scenarios (issue 20): a trainer's scenario files in versions, like evaluation forms. A
 * version is the file's own `id` and `version`, never changes once uploaded (publishing only
 * stamps it), and names the script version it is checked against.
 *
 * Retiring is a fact about the scenario, not about one version, so it lives in a table of its
 * own (one row while retired): a flag copied onto every version would have to be kept in step
 * on each upload and retire, and the version rows stay untouched once published.
 */
import type { Migration } from './migration'

export const migration022PracticeScenarios: Migration = {
  version: 22,
  name: 'practice_scenarios',
  statements: [
    `CREATE TABLE practice_scenarios (
       scenario_id text NOT NULL,
       version integer NOT NULL CHECK (version >= 1),
       status text NOT NULL CHECK (status IN ('draft', 'published')),
       source text NOT NULL,
       -- The checked scenario as the server parsed it (defaults filled in): what desks run.
       scenario jsonb NOT NULL,
       -- Copied out of the scenario for lists, which read neither the source nor the scenario.
       title jsonb NOT NULL,
       summary jsonb NOT NULL,
       script_id text NOT NULL,
       script_version integer NOT NULL,
       persona text NOT NULL,
       uploaded_at timestamptz NOT NULL DEFAULT now(),
       -- Null for the samples the server seeds from resources/practice-scenarios.
       uploaded_by uuid REFERENCES users (id),
       published_at timestamptz,
       PRIMARY KEY (scenario_id, version),
       CHECK ((status = 'published') = (published_at IS NOT NULL))
     )`,
    `CREATE TABLE practice_scenario_retirements (
       scenario_id text PRIMARY KEY,
       retired_at timestamptz NOT NULL DEFAULT now(),
       retired_by uuid NOT NULL REFERENCES users (id)
     )`
  ]
}
