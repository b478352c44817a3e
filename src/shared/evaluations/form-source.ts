/**
 * From an admin's YAML (or JSON) to a checked evaluation form, every finding on its line, like
 * `npm run script -- validate` does for scripts. Pure: the caller reads the text.
 */
import type { z } from 'zod'

import { describeFinding, findingDetailOf, findUnsafeText } from '../text/unsafe-text'
import { parseLocatedYaml, zodFindings, type DocPath } from '../yaml/located-yaml'
import { formDefinitionSchema, type FormDefinition } from './form-schema'
import { validateForm, type FormIssue, type LocatedFormIssue } from './validate-form'

export interface CheckedForm {
  /** The form when its shape is right (it may still have findings). */
  form: FormDefinition | null
  issues: LocatedFormIssue[]
}

function questionIdAt(data: unknown, path: DocPath): string | null {
  let node: unknown = data
  for (const key of path.slice(0, 4)) {
    if (!node || typeof node !== 'object') return null
    node = (node as Record<string | number, unknown>)[key]
  }
  if (path[0] !== 'sections' || path[2] !== 'questions') return null
  return node && typeof node === 'object' && 'id' in node && typeof node.id === 'string'
    ? node.id
    : null
}

/** `shapeMessages` words the schema's own findings (an editor passes its language's). */
export function checkFormSource(text: string, shapeMessages?: z.core.$ZodErrorMap): CheckedForm {
  const parsed = parseLocatedYaml(text)
  if (!parsed.ok) {
    return {
      form: null,
      issues: parsed.syntax.map((s) => ({ code: 'syntax', questionId: null, path: [], ...s }))
    }
  }
  const place = (i: FormIssue): LocatedFormIssue => ({ ...i, ...parsed.place(i.path) })
  const unsafe = findUnsafeText(parsed.data)
  if (unsafe.length > 0) {
    return {
      form: null,
      issues: unsafe.map((f) =>
        place({
          code: 'schema',
          message: describeFinding(f),
          detail: findingDetailOf(f),
          questionId: questionIdAt(parsed.data, f.path),
          path: f.path
        })
      )
    }
  }
  const shaped = formDefinitionSchema.safeParse(
    parsed.data,
    shapeMessages ? { error: shapeMessages } : {}
  )
  if (!shaped.success) {
    return {
      form: null,
      issues: zodFindings(shaped.error.issues).map((f) =>
        place({
          code: 'schema',
          message: f.message,
          questionId: questionIdAt(parsed.data, f.path),
          path: f.path
        })
      )
    }
  }
  return { form: shaped.data, issues: validateForm(shaped.data).map(place) }
}
