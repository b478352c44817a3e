/**
 * Evaluations (issue 19): an admin's form versions (a published one never changes: an evaluation
 * names the version it used), the evaluations of calls, and each evaluation's steps (its history
 * and the audit's detail). `evaluations.team_id` is the agent's real team when the call was
 * evaluated, practice ones included (the figures group training by team too); the change log
 * puts practice ones under the practice scope instead (see evaluations/evaluation-rows.ts).
 */
import type { Migration } from './migration'

export const migration021Evaluations: Migration = {
  version: 21,
  name: 'evaluations',
  statements: [
    `CREATE TABLE evaluation_forms (
       form_id text NOT NULL,
       version integer NOT NULL CHECK (version >= 1),
       kind text NOT NULL CHECK (kind IN ('quality', 'training')),
       status text NOT NULL CHECK (status IN ('draft', 'published')),
       retired boolean NOT NULL DEFAULT false,
       source text NOT NULL,
       definition jsonb NOT NULL,
       uploaded_at timestamptz NOT NULL DEFAULT now(),
       -- Null for the version the server seeds from resources/evaluation-forms.
       uploaded_by uuid REFERENCES users (id),
       published_at timestamptz,
       PRIMARY KEY (form_id, version),
       CHECK ((status = 'published') = (published_at IS NOT NULL))
     )`,
    `CREATE TABLE evaluations (
       id uuid PRIMARY KEY,
       form_id text NOT NULL,
       form_version integer NOT NULL,
       kind text NOT NULL CHECK (kind IN ('quality', 'training')),
       agent_id uuid NOT NULL REFERENCES users (id),
       team_id uuid REFERENCES teams (id),
       evaluator_id uuid NOT NULL REFERENCES users (id),
       call_id text NOT NULL,
       interaction_id uuid REFERENCES interactions (id),
       practice boolean NOT NULL,
       calibration boolean NOT NULL,
       state text NOT NULL CHECK (state IN ('draft', 'submitted', 'released', 'acknowledged',
                                            'disputed', 'resolved')),
       answers jsonb NOT NULL,
       comment text NOT NULL DEFAULT '',
       score jsonb NOT NULL,
       percent numeric(5, 1),
       critical_failed boolean NOT NULL DEFAULT false,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       released_at timestamptz,
       dispute jsonb,
       resolution jsonb,
       FOREIGN KEY (form_id, form_version) REFERENCES evaluation_forms (form_id, version),
       CHECK (practice = (kind = 'training')),
       CHECK (NOT calibration OR state IN ('draft', 'submitted')),
       CHECK ((state IN ('draft', 'submitted')) = (released_at IS NULL))
     )`,
    // A call has at most one evaluation that counts; more evaluators of it make calibration ones.
    `CREATE UNIQUE INDEX evaluations_one_per_call_idx ON evaluations (agent_id, call_id)
       WHERE NOT calibration`,
    `CREATE INDEX evaluations_call_idx ON evaluations (call_id, agent_id)`,
    // The figures: released ones of one kind over a period, by team or by agent.
    `CREATE INDEX evaluations_figures_team_idx ON evaluations (kind, team_id, released_at)
       WHERE released_at IS NOT NULL AND NOT calibration`,
    `CREATE INDEX evaluations_figures_agent_idx ON evaluations (agent_id, released_at)
       WHERE released_at IS NOT NULL AND NOT calibration`,
    `CREATE INDEX evaluations_form_idx ON evaluations (form_id, form_version)`,
    `CREATE TABLE evaluation_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       evaluation_id uuid NOT NULL REFERENCES evaluations (id),
       at timestamptz NOT NULL,
       actor_id uuid NOT NULL REFERENCES users (id),
       action text NOT NULL CHECK (action IN ('created', 'rescored', 'submitted', 'released',
                                              'acknowledged', 'disputed', 'resolved_kept',
                                              'resolved_rescored')),
       comment text NOT NULL DEFAULT '',
       percent numeric(5, 1),
       critical_failed boolean NOT NULL DEFAULT false
     )`,
    `CREATE INDEX evaluation_events_evaluation_idx ON evaluation_events (evaluation_id, id)`
  ]
}
