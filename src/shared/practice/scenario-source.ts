/**
 * From a trainer's YAML (or JSON) to a checked scenario, every finding on its line and column
 * with the id at fault, like `npm run script -- validate` does for scripts. Pure: the caller
 * reads the text and says how to find a script version (bundled files, the server's store).
 */
import type { z } from 'zod'

import { describeFinding, findingDetailOf, findUnsafeText } from '../text/unsafe-text'
import { parseLocatedYaml, zodFindings, type DocPath } from '../yaml/located-yaml'
import type { LocatedScenarioIssue, ScenarioIssue } from './scenario-issues'
import { scenarioSchema, type Scenario, type ScriptLookup } from './scenario-schema'
import { validateScenario } from './validate-scenario'

export interface CheckedScenario {
  /** The scenario when its shape is right (it may still have findings). */
  scenario: Scenario | null
  issues: LocatedScenarioIssue[]
}

const stringField = (value: unknown, key: string): string | null => {
  if (!value || typeof value !== 'object' || !(key in value)) return null
  const field: unknown = (value as Record<string, unknown>)[key]
  return typeof field === 'string' ? field : null
}

/**
 * The id a shape error belongs to, read from the raw document: the closest enclosing object with
 * an `id` or a `node`, a string in a list of node ids, else the scenario's own id.
 */
function idAt(data: unknown, path: DocPath): string | null {
  let found = stringField(data, 'id')
  let here: unknown = data
  for (const key of path) {
    if (!here || typeof here !== 'object') break
    here = (here as Record<string | number, unknown>)[key]
    if (typeof here === 'string' && typeof key === 'number') return here
    found = stringField(here, 'id') ?? stringField(here, 'node') ?? found
  }
  return found
}

/**
 * Parses and checks one scenario source; `issues` is empty when it is good to publish.
 * `shapeMessages` words the schema's own findings (an editor passes its language's).
 */
export function checkScenarioSource(
  text: string,
  scripts: ScriptLookup,
  shapeMessages?: z.core.$ZodErrorMap
): CheckedScenario {
  const parsed = parseLocatedYaml(text)
  if (!parsed.ok) {
    return {
      scenario: null,
      issues: parsed.syntax.map((s) => ({ code: 'syntax', id: null, path: [], ...s }))
    }
  }
  const place = (i: ScenarioIssue): LocatedScenarioIssue => ({ ...i, ...parsed.place(i.path) })
  // Typed by a person: an escaped control character or broken Unicode is refused where it stands.
  const unsafe = findUnsafeText(parsed.data)
  if (unsafe.length > 0) {
    return {
      scenario: null,
      issues: unsafe.map((f) =>
        place({
          code: 'schema',
          message: describeFinding(f),
          detail: findingDetailOf(f),
          id: idAt(parsed.data, f.path),
          path: f.path
        })
      )
    }
  }
  const shaped = scenarioSchema.safeParse(
    parsed.data,
    shapeMessages ? { error: shapeMessages } : {}
  )
  if (!shaped.success) {
    return {
      scenario: null,
      issues: zodFindings(shaped.error.issues).map((f) =>
        place({ code: 'schema', message: f.message, id: idAt(parsed.data, f.path), path: f.path })
      )
    }
  }
  return {
    scenario: shaped.data,
    issues: validateScenario(shaped.data, scripts).map(place)
  }
}
