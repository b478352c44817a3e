/**
 * From source text to a checked script: parses YAML (JSON is YAML, so the same parser serves
 * both and keeps source positions), validates the shape with zod, runs the validator, and puts
 * each finding on a 1-based line and column. Pure: the caller reads the file.
 */
import { describeFinding, findUnsafeText } from '../text/unsafe-text'
import { parseLocatedYaml, zodFindings } from '../yaml/located-yaml'
import { issue, type DocPath, type LocatedIssue, type ScriptIssue } from './issues'
import { scriptSchema, type Script } from './schema'
import { validateScript } from './validate-script'

export interface CheckedSource {
  /** The script when it has no schema or syntax errors (it may still have other issues). */
  script: Script | null
  issues: LocatedIssue[]
}

function nodeIdAt(data: unknown, path: DocPath): string | null {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return null
  if (!data || typeof data !== 'object' || !('nodes' in data) || !Array.isArray(data.nodes)) {
    return null
  }
  const node: unknown = data.nodes[path[1]]
  if (node && typeof node === 'object' && 'id' in node && typeof node.id === 'string')
    return node.id
  return null
}

/** Parses and checks one script source; `issues` is empty when the script is good to ship. */
export function checkScriptSource(text: string): CheckedSource {
  const parsedYaml = parseLocatedYaml(text)
  if (!parsedYaml.ok) {
    return {
      script: null,
      issues: parsedYaml.syntax.map(({ message, line, column }) => ({
        ...issue('syntax', message, null, []),
        line,
        column
      }))
    }
  }
  const { data } = parsedYaml
  const place = (i: ScriptIssue): LocatedIssue => ({ ...i, ...parsedYaml.place(i.path) })
  // A script is typed by a person: an escaped control character or broken Unicode is refused
  // where it stands, never cleaned (see src/shared/text/unsafe-text.ts).
  const unsafe = findUnsafeText(data)
  if (unsafe.length > 0) {
    return {
      script: null,
      issues: unsafe.map((f) =>
        place(issue('schema', describeFinding(f), nodeIdAt(data, f.path), f.path))
      )
    }
  }
  const parsed = scriptSchema.safeParse(data)
  if (!parsed.success) {
    return {
      script: null,
      issues: zodFindings(parsed.error.issues).map((f) =>
        place(issue('schema', f.message, nodeIdAt(data, f.path), f.path))
      )
    }
  }
  return { script: parsed.data, issues: validateScript(parsed.data).map(place) }
}

/** A script from trusted, already validated source (the bundled samples, a published version). */
export function parseScript(
  text: string
): { ok: true; script: Script } | { ok: false; issues: LocatedIssue[] } {
  const checked = checkScriptSource(text)
  return checked.script && checked.issues.length === 0
    ? { ok: true, script: checked.script }
    : { ok: false, issues: checked.issues }
}
