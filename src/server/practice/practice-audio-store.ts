/**
 * The rendered lines (`practice_audio`, migration 024). The WAV crosses the driver as base64
 * text (`decode`/`encode` in SQL) because PGlite and node-postgres bind and return bytea
 * differently (Uint8Array vs Buffer); the lines are small and read once per desk.
 */
import type { Language } from '@shared/domain/customer'
import type { Queryable } from '../db/db'

export async function hasPracticeAudio(db: Queryable, key: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM practice_audio WHERE key = $1', [key])
  return rows.length > 0
}

/** Stores a line's WAV; a key already there is kept (same key, same content). */
export async function storePracticeAudio(
  db: Queryable,
  key: string,
  language: Language,
  wav: Uint8Array
): Promise<void> {
  await db.query(
    `INSERT INTO practice_audio (key, language, wav) VALUES ($1, $2, decode($3, 'base64'))
     ON CONFLICT (key) DO NOTHING`,
    [key, language, Buffer.from(wav).toString('base64')]
  )
}

export async function readPracticeAudio(db: Queryable, key: string): Promise<Buffer | null> {
  const rows = await db.query<{ wav: string }>(
    `SELECT encode(wav, 'base64') AS wav FROM practice_audio WHERE key = $1`,
    [key]
  )
  const row = rows[0]
  return row ? Buffer.from(row.wav, 'base64') : null
}

/** Every published version of the scenarios not retired: what a desk may play at start. */
export async function publishedScenarioBodies(db: Queryable): Promise<unknown[]> {
  const rows = await db.query<{ scenario: unknown }>(
    `SELECT s.scenario FROM practice_scenarios s
      WHERE s.status = 'published'
        AND NOT EXISTS (SELECT 1 FROM practice_scenario_retirements r
                         WHERE r.scenario_id = s.scenario_id)
      ORDER BY s.scenario_id, s.version DESC`
  )
  return rows.map((r) => r.scenario)
}
