/**
 * YAML a person wrote (a script, an evaluation form, a scenario), parsed so every finding can
 * name its line: JSON is YAML, so one parser serves both and keeps source positions. Pure: the
 * caller reads the file and turns the findings into its own issue codes.
 */
import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'

export type DocPath = (string | number)[]

export interface SourcePosition {
  /** 1-based. */
  line: number
  column: number
}

export type LocatedYaml =
  | { ok: false; syntax: (SourcePosition & { message: string })[] }
  | {
      ok: true
      data: unknown
      /** Where `path` stands; a missing key falls back to its nearest existing parent. */
      place: (path: DocPath) => SourcePosition
    }

export function parseLocatedYaml(text: string): LocatedYaml {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      syntax: doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0])
        return { message: e.message.split('\n')[0] ?? e.message, line, column: col }
      })
    }
  }
  const place = (path: DocPath): SourcePosition => {
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
  return { ok: true, data: doc.toJS(), place }
}

/** Zod issues flattened to `path: message` findings; for a union, the branch that came closest. */
export function zodFindings(
  zodIssues: readonly z.core.$ZodIssue[],
  base: DocPath = []
): { path: DocPath; message: string }[] {
  return zodIssues.flatMap((zi) => {
    const path: DocPath = [...base, ...zi.path.filter((p) => typeof p !== 'symbol')]
    if (zi.code === 'invalid_union' && zi.errors.length > 0) {
      const closest = [...zi.errors].sort((a, b) => a.length - b.length)[0] ?? []
      return zodFindings(closest, path)
    }
    const where = path.length > 0 ? `${path.join('.')}: ` : ''
    return [{ path, message: `${where}${zi.message}` }]
  })
}
