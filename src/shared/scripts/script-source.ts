/**
 * From source text to a checked script: parses YAML (JSON is YAML, so the same parser serves
 * both and keeps source positions), validates the shape with zod, runs the validator, and puts
 * each finding on a 1-based line and column. Pure: the caller reads the file.
 */
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'

import { describeFinding, findUnsafeText } from '../text/unsafe-text'
import { issue, type DocPath, type LocatedIssue, type ScriptIssue } from './issues'
import { scriptSchema, type Script } from './schema'
import { validateScript } from './validate-script'

export interface CheckedSource {
  /** The script when it has no schema or syntax errors (it may still have other issues). */
  script: Script | null
  issues: LocatedIssue[]
}

function locate(
  doc: Document,
  counter: LineCounter,
  path: DocPath
): { line: number; column: number } {
  // A missing key has no position: fall back to its nearest existing parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const offset: unknown = node.range[0]
      if (typeof offset === 'number') {
        const { line, col } = counter.linePos(offset)
        return { line, column: col }
      }
    }
  }
  return { line: 1, column: 1 }
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

/** Zod issues flattened to our findings; for a union, the branch that came closest. */
function schemaIssues(
  data: unknown,
  zodIssues: readonly z.core.$ZodIssue[],
  base: DocPath = []
): ScriptIssue[] {
  return zodIssues.flatMap((zi) => {
    const path: DocPath = [...base, ...zi.path.filter((p) => typeof p !== 'symbol')]
    if (zi.code === 'invalid_union' && zi.errors.length > 0) {
      const closest = [...zi.errors].sort((a, b) => a.length - b.length)[0] ?? []
      return schemaIssues(data, closest, path)
    }
    const where = path.length > 0 ? `${path.join('.')}: ` : ''
    return [issue('schema', `${where}${zi.message}`, nodeIdAt(data, path), path)]
  })
}

/** Parses and checks one script source; `issues` is empty when the script is good to ship. */
export function checkScriptSource(text: string): CheckedSource {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      script: null,
      issues: doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0])
        return {
          ...issue('syntax', e.message.split('\n')[0] ?? e.message, null, []),
          line,
          column: col
        }
      })
    }
  }
  const data: unknown = doc.toJS()
  const place = (i: ScriptIssue): LocatedIssue => ({ ...i, ...locate(doc, counter, i.path) })
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
    return { script: null, issues: schemaIssues(data, parsed.error.issues).map(place) }
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
