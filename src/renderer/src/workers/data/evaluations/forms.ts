/**
 * Published evaluation forms as pulled (configuration rows of kind `evaluation_form`, one per
 * version). Read here on demand rather than in the configuration snapshot: only the quality
 * pages need them, and a form is large next to a pause reason.
 */
import type { Database } from 'sql.js'

import { publishedFormSchema, type PublishedForm } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'

import { asString, queryAll, queryOne } from '../store/sql'

function parse(text: string): PublishedForm | null {
  try {
    const parsed = publishedFormSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const byFormThenVersion = (a: PublishedForm, b: PublishedForm) =>
  a.formId.localeCompare(b.formId) || a.version - b.version

/** Every published version on this desk, by form then version. */
export function allPublishedForms(db: Database): PublishedForm[] {
  return queryAll(db, "SELECT data FROM config_rows WHERE kind = 'evaluation_form'")
    .map((row) => parse(asString(row['data'])))
    .filter((form) => form !== null)
    .sort(byFormThenVersion)
}

/**
 * What a new evaluation may use: the highest version of each form, unless it is retired (a
 * retired form offers no version, though the evaluations naming one still read it).
 */
export function latestPublishedForms(db: Database): PublishedForm[] {
  const latest = new Map<string, PublishedForm>()
  for (const form of allPublishedForms(db)) latest.set(form.formId, form)
  return [...latest.values()].filter((form) => !form.retired)
}

/** One version, or null when this desk has not pulled it. */
export function publishedForm(db: Database, formId: string, version: number): PublishedForm | null {
  const row = queryOne(
    db,
    "SELECT data FROM config_rows WHERE kind = 'evaluation_form' AND key = ?",
    [`${formId}:${String(version)}`]
  )
  return row ? parse(asString(row['data'])) : null
}

/** The definition an evaluation is scored against, or null when this desk lacks it. */
export function formDefinition(
  db: Database,
  formId: string,
  version: number
): FormDefinition | null {
  return publishedForm(db, formId, version)?.definition ?? null
}
