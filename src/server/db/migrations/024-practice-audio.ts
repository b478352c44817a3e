/**
 * The simulated customer's voice (issue 20): one WAV per line and language, rendered by the
 * server when a scenario version is published and fetched by desks on demand. Keyed by content
 * (`@shared/practice/practice-audio`), so a row never changes once written and any number of
 * scenario versions share it.
 */
import type { Migration } from './migration'

export const migration024PracticeAudio: Migration = {
  version: 24,
  name: 'practice_audio',
  statements: [
    `CREATE TABLE practice_audio (
       key text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
       language text NOT NULL CHECK (language IN ('es', 'en')),
       wav bytea NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`
  ]
}
