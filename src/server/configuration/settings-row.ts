/**
 * One admin-edited value kept whole in `settings` (the floor's alert thresholds, the monitoring
 * policy): read back through its schema, so a row that no longer parses gives the default rather
 * than a broken value, and replaced whole.
 */
import type { z } from 'zod'

import type { Queryable } from '../db/db'

/** The setting `key` as stored, or `fallback` when none was saved or it no longer parses. */
export async function readSetting<T>(
  tx: Queryable,
  key: string,
  schema: z.ZodType<T>,
  fallback: T
): Promise<T> {
  const rows = await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [
    key
  ])
  const stored = schema.safeParse(rows[0]?.value)
  return stored.success ? stored.data : fallback
}

/** Replaces the setting `key` with `value`. */
export async function writeSetting(tx: Queryable, key: string, value: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, JSON.stringify(value)]
  )
}
