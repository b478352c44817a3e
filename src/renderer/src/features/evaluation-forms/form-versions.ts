/**
 * The admin's list of forms as pure functions: versions grouped per form (newest first), and
 * which one a new version starts from.
 */
import { sanitizeDisplayText } from '@shared/domain/text'
import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { pickText } from '@shared/scripts/localized-text'

export interface FormGroup {
  formId: string
  kind: FormVersion['kind']
  title: FormVersion['title']
  /** Retiring is per form: no new evaluation uses any of its versions. */
  retired: boolean
  /** Newest first. */
  versions: FormVersion[]
  /** The version new evaluations use: the newest published one. */
  current: FormVersion | null
}

export function groupForms(versions: readonly FormVersion[]): FormGroup[] {
  const byForm = new Map<string, FormVersion[]>()
  for (const v of versions) byForm.set(v.formId, [...(byForm.get(v.formId) ?? []), v])
  return [...byForm.entries()]
    .map(([formId, list]): FormGroup => {
      const sorted = [...list].sort((a, b) => b.version - a.version)
      const newest = sorted[0]
      return {
        formId,
        kind: newest?.kind ?? 'quality',
        title: newest?.title ?? {},
        retired: sorted.some((v) => v.retired),
        versions: sorted,
        current: sorted.find((v) => v.status === 'published') ?? null
      }
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.formId.localeCompare(b.formId))
}

/** A form's title in the reader's language (its id when it has none), as text, one line. */
export function formTitle(form: Pick<FormVersion, 'title' | 'formId'>, language: 'es' | 'en') {
  return sanitizeDisplayText(pickText(form.title, language) || form.formId, 80)
}

/** A new version starts from the newest one uploaded (a draft carries the latest work). */
export function startingSource(group: FormGroup): string {
  return group.versions[0]?.source ?? ''
}

/** A skeleton for a brand-new form: valid once its ids and texts are the admin's own. */
export const NEW_FORM_TEMPLATE = `id: new-form
kind: quality
title:
  es: Nuevo formulario
  en: New form
passMark: 80
sections:
  - id: courtesy
    dimension: courtesy
    title: { es: Cortesía, en: Courtesy }
    questions:
      - id: greeting
        kind: yes_no
        weight: 5
        text:
          es: Saludó con el saludo del centro
          en: Greeted with the centre's greeting
`
