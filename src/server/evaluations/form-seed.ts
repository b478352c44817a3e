/**
 * The shipped evaluation forms (resources/evaluation-forms/: the quality checklist and the
 * trainers' practice form), each published as version 1 of its form when no version of that form
 * exists yet: on a new database, and on one that predates it. Never again after that: an admin's
 * later versions, or retiring it, are theirs to keep. Two instances starting on one database take
 * turns on the seeding lock, so the second finds the first's version and adds nothing.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { checkFormSource } from '@shared/evaluations/form-source'
import type { Db } from '../db/db'
import { SCHEMA_LOCK_KEY } from '../db/migrate'
import { resourceDir } from '../resource-dir'
import { appendChanges } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import { formChange, publishedFormOf, type FormVersionRow } from './form-versions'

/** The quality form first: the one every production evaluation starts from. */
export const SHIPPED_FORM_FILES = ['service-quality.yaml', 'practice-training.yaml'] as const
export type ShippedFormFile = (typeof SHIPPED_FORM_FILES)[number]

/**
 * A shipped form's file, found by walking up from this module: the same answer from the sources
 * (tsx) and from any bundle placed under the repository; null when it is not there.
 */
export function shippedFormFile(
  name: ShippedFormFile,
  from: string = dirname(fileURLToPath(import.meta.url))
): string | null {
  const dir = resourceDir('evaluation-forms', from)
  const file = dir === null ? null : join(dir, name)
  return file !== null && existsSync(file) ? file : null
}

/** The quality form's file (the default of every production evaluation). */
export const defaultFormFile = (from?: string): string | null =>
  shippedFormFile('service-quality.yaml', from)

export type SeedFormsResult =
  { kind: 'seeded'; formId: string } | { kind: 'present'; formId: string } | { kind: 'no_file' }

/** Seeds one form unless a version of it exists; throws when the shipped file is broken. */
export async function seedEvaluationForm(db: Db, file: string | null): Promise<SeedFormsResult> {
  if (file === null) return { kind: 'no_file' }
  const source = await readFile(file, 'utf8')
  const checked = checkFormSource(source)
  const form = checked.form
  if (!form || checked.issues.length > 0) {
    const first = checked.issues[0]
    throw new Error(
      `${file} is not a valid evaluation form` +
        (first ? ` (line ${String(first.line)}: ${first.message})` : '')
    )
  }
  const cursor = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    const existing = await tx.query('SELECT 1 FROM evaluation_forms WHERE form_id = $1', [form.id])
    if (existing.length > 0) return null
    const rows = await tx.query<FormVersionRow>(
      `INSERT INTO evaluation_forms (form_id, version, kind, status, source, definition,
         published_at)
       VALUES ($1, 1, $2, 'published', $3, $4::jsonb, now()) RETURNING *`,
      [form.id, form.kind, source, JSON.stringify(form)]
    )
    const published = rows[0] && publishedFormOf(rows[0])
    if (!published) throw new Error(`the shipped form ${form.id} did not publish`)
    return appendChanges(tx, [formChange(published)])
  })
  if (cursor === null) return { kind: 'present', formId: form.id }
  await announceChanges(db, { cursor, teams: [null] })
  return { kind: 'seeded', formId: form.id }
}

/** Every shipped form, in order; one result per file. */
export async function seedEvaluationForms(db: Db): Promise<SeedFormsResult[]> {
  const results: SeedFormsResult[] = []
  for (const name of SHIPPED_FORM_FILES) {
    results.push(await seedEvaluationForm(db, shippedFormFile(name)))
  }
  return results
}
