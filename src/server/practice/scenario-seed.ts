/**
 * The sample scenarios (resources/practice-scenarios) published, each as the version its file
 * gives, when no version of that scenario exists yet: on a new database and on one from before
 * practice scenarios. Never again after that: a trainer's later versions, or retiring a sample,
 * are theirs to keep. Run at every start under the same lock as the evaluation form's seed, so
 * two instances on one database take turns and the second adds nothing.
 *
 * A sample is checked like an upload (scenario-scripts.ts). One with findings is left out and
 * reported rather than stopping the server: the shipped samples check clean against the bundled
 * scripts (their unit tests say so), so a finding here means this server published another
 * script under the same id and version, which a start should survive.
 */
import { readFile } from 'node:fs/promises'

import { checkScenarioSource, type Scenario } from '@shared/practice'
import type { Db } from '../db/db'
import { SCHEMA_LOCK_KEY } from '../db/migrate'
import { resourceDir } from '../resource-dir'
import { scriptLookupFor, sourceFiles } from './scenario-scripts'
import { INSERT_COLUMNS, INSERT_PLACEHOLDERS, insertValues } from './scenario-versions'

export interface SeedScenariosResult {
  /** False when the samples' folder is not there (nothing seeded). */
  found: boolean
  seeded: string[]
  present: string[]
  /** Samples left out, with their first finding. */
  refused: { file: string; line: number; message: string }[]
}

export async function seedPracticeScenarios(
  db: Db,
  dir: string | null = resourceDir('practice-scenarios')
): Promise<SeedScenariosResult> {
  const result: SeedScenariosResult = { found: dir !== null, seeded: [], present: [], refused: [] }
  if (dir === null) return result
  // Read and checked before taking the lock: the check reads the scripts, and others wait on it.
  const samples: { source: string; scenario: Scenario }[] = []
  for (const file of await sourceFiles(dir)) {
    const source = await readFile(file, 'utf8')
    const checked = checkScenarioSource(source, await scriptLookupFor(db, source))
    const first = checked.issues[0]
    if (checked.scenario && !first) samples.push({ source, scenario: checked.scenario })
    else result.refused.push({ file, line: first?.line ?? 1, message: first?.message ?? '' })
  }
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    for (const { source, scenario } of samples) {
      const existing = await tx.query('SELECT 1 FROM practice_scenarios WHERE scenario_id = $1', [
        scenario.id
      ])
      if (existing.length > 0) {
        result.present.push(scenario.id)
        continue
      }
      await tx.query(
        `INSERT INTO practice_scenarios (${INSERT_COLUMNS}, status, published_at)
         VALUES (${INSERT_PLACEHOLDERS}, 'published', now())`,
        insertValues(source, scenario, null)
      )
      result.seeded.push(scenario.id)
    }
  })
  return result
}
