/**
 * YAML a person wrote (a script, an evaluation form, a scenario), parsed so every finding can
 * name its line: JSON is YAML, so one parser serves both and keeps source positions. Pure: the
 * caller reads the file and turns the findings into its own issue codes.
 */
import { LineCounter, parseDocument, type ErrorCode } from 'yaml'
import type { z } from 'zod'

export type DocPath = (string | number)[]

/** The parser's codes for what is wrong with the text (its own words are English). */
export const yamlErrorCodes = [
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_COLLECTION_TYPE',
  'BAD_DIRECTIVE',
  'BAD_DQ_ESCAPE',
  'BAD_INDENT',
  'BAD_PROP_ORDER',
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED',
  'UNEXPECTED_TOKEN'
] as const satisfies readonly ErrorCode[]

export type YamlErrorCode = (typeof yamlErrorCodes)[number]
/** Every code the parser has is listed: a parser update with a new one fails to compile here. */
export const listsEveryYamlCode: [Exclude<ErrorCode, YamlErrorCode>] extends [never]
  ? true
  : false = true

/** A syntax finding: where, the parser's words, and its code (a UI words it from the code). */
export type SyntaxFinding = SourcePosition & {
  message: string
  detail: { key: ErrorCode; params: Record<string, never> }
}

export interface SourcePosition {
  /** 1-based. */
  line: number
  column: number
}

export type LocatedYaml =
  | { ok: false; syntax: SyntaxFinding[] }
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
        return {
          message: e.message.split('\n')[0] ?? e.message,
          detail: { key: e.code, params: {} },
          line,
          column: col
        }
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
