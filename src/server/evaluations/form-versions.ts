/**
 * Evaluation form versions as stored: read for the admin's list, for scoring (an evaluation is
 * always scored against the version it names), and as the `evaluation_form` change every desk
 * pulls. A published version never changes; retiring a form only flags its versions.
 */
import type { PublishedForm } from '@shared/evaluations/evaluation'
import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { formDefinitionSchema, type FormDefinition } from '@shared/evaluations/form-schema'
import type { Queryable } from '../db/db'
import { configEntityId, type NewChange } from '../sync/change-log'

export interface FormVersionRow {
  form_id: string
  version: number
  kind: 'quality' | 'training'
  status: 'draft' | 'published'
  retired: boolean
  source: string
  definition: unknown
  uploaded_at: Date
  uploaded_by: string | null
  published_at: Date | null
}

/** What scoring and the checks of a new evaluation need of one version. */
export interface StoredForm {
  formId: string
  version: number
  kind: 'quality' | 'training'
  status: 'draft' | 'published'
  retired: boolean
  definition: FormDefinition
}

/** The definition as stored: written by the server from a checked form, so it always parses. */
export function definitionOf(row: Pick<FormVersionRow, 'definition'>): FormDefinition {
  return formDefinitionSchema.parse(row.definition)
}

export async function readStoredForm(
  tx: Queryable,
  formId: string,
  version: number
): Promise<StoredForm | null> {
  const rows = await tx.query<FormVersionRow>(
    'SELECT * FROM evaluation_forms WHERE form_id = $1 AND version = $2',
    [formId, version]
  )
  const row = rows[0]
  if (!row) return null
  return {
    formId: row.form_id,
    version: row.version,
    kind: row.kind,
    status: row.status,
    retired: row.retired,
    definition: definitionOf(row)
  }
}

/** Every version for the admin's list, with its uploader's name and how many evaluations use it. */
export async function listFormVersions(
  db: Queryable,
  options: { publishedOnly: boolean; formId?: string }
): Promise<FormVersion[]> {
  const rows = await db.query<
    FormVersionRow & { uploader_name: string | null; evaluations: number }
  >(
    `SELECT f.*, u.display_name AS uploader_name,
            (SELECT count(*)::int FROM evaluations e
              WHERE e.form_id = f.form_id AND e.form_version = f.version) AS evaluations
       FROM evaluation_forms f LEFT JOIN users u ON u.id = f.uploaded_by
      WHERE (NOT $1::boolean OR f.status = 'published') AND ($2::text IS NULL OR f.form_id = $2)
      ORDER BY f.form_id, f.version`,
    [options.publishedOnly, options.formId ?? null]
  )
  return rows.map((row) => formVersionOf(row, row.uploader_name, row.evaluations))
}

export function formVersionOf(
  row: FormVersionRow,
  uploaderName: string | null,
  evaluations: number
): FormVersion {
  const definition = definitionOf(row)
  return {
    formId: row.form_id,
    version: row.version,
    kind: row.kind,
    title: definition.title,
    status: row.status,
    retired: row.retired,
    source: row.source,
    uploadedAt: row.uploaded_at.toISOString(),
    // The uploader's name; empty for the version seeded from resources/evaluation-forms.
    uploadedBy: uploaderName ?? '',
    publishedAt: row.published_at?.toISOString() ?? null,
    evaluations
  }
}

/** A published version as desks pull it; null for a draft (never sent). */
export function publishedFormOf(row: FormVersionRow): PublishedForm | null {
  if (row.status !== 'published' || row.published_at === null) return null
  return {
    formId: row.form_id,
    version: row.version,
    kind: row.kind,
    definition: definitionOf(row),
    publishedAt: row.published_at.toISOString(),
    retired: row.retired
  }
}

/** Shared, centre-wide configuration: the latest entry of a version wins (a retired flag). */
export function formChange(form: PublishedForm): NewChange {
  return {
    entity: 'evaluation_form',
    entityId: configEntityId('evaluation_form', `${form.formId}@${String(form.version)}`),
    teamId: null,
    data: form
  }
}
