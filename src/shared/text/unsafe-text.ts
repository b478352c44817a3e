/**
 * The one rule for text that crosses an edge (sync mutations, HTTP bodies and query strings, CSV
 * import, script files, values a caller signals over SIP), the same on client and server.
 *
 * @remarks
 * Unsafe characters are the C0 controls and DEL, except tab, line feed and carriage return, and
 * lone UTF-16 surrogates (half of a pair): PostgreSQL refuses NUL, turns a lone surrogate into
 * U+FFFD or refuses it inside JSON, and no person means either. What happens to them depends on
 * who supplied the text:
 * - **free text from the network or a caller** (a display name, a CTI header, an imported name,
 *   a record written by an older version) is cleaned: unsafe controls are removed, a lone
 *   surrogate becomes U+FFFD; a single line has its tabs and line breaks turned into spaces, a
 *   multi-line text keeps tab and LF and has CRLF (or a lone CR) become LF;
 * - **what a person typed** is refused with a message naming the field (the form shows it);
 * - **identifiers and credentials** are refused wherever they come from, and may hold no tab or
 *   line break either: cleaning `CUST-1\0` would silently name another record, CUST-1.
 */

/** C0 controls but tab, LF and CR; DEL. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
// eslint-disable-next-line no-control-regex
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
/** Tab, LF and CR: harmless in free text, never part of an identifier. */
const LAYOUT_CONTROL = /[\t\n\r]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** What is wrong with a text: a control character, or broken Unicode (a lone surrogate). */
export type TextFlaw = 'control' | 'surrogate'

/** The flaw of free text, or null when it is safe as it is (tab and line breaks are safe). */
export function freeTextFlaw(text: string): TextFlaw | null {
  if (UNSAFE_CONTROL.test(text)) return 'control'
  if (LONE_SURROGATE.test(text)) return 'surrogate'
  return null
}

/** The flaw of an identifier or credential, which may not hold tab or line breaks either. */
export function identifierFlaw(text: string): TextFlaw | null {
  return LAYOUT_CONTROL.test(text) ? 'control' : freeTextFlaw(text)
}

function withoutFlaws(text: string): string {
  return text.replace(UNSAFE_CONTROLS, '').replace(LONE_SURROGATES, '\ufffd')
}

/** Network-supplied single-line text made safe: see the module's rule. */
export function cleanLine(text: string): string {
  // The common case costs one scan and no copy.
  if (freeTextFlaw(text) === null && !LAYOUT_CONTROL.test(text)) return text
  return withoutFlaws(text).replace(/\r\n|[\t\n\r]/g, ' ')
}

/** Network-supplied multi-line text made safe: see the module's rule. */
export function cleanMultiline(text: string): string {
  if (freeTextFlaw(text) === null && !text.includes('\r')) return text
  return withoutFlaws(text).replace(/\r\n?/g, '\n')
}

/** One unsafe string found in a structured value, by its path (`mutations.0.args.description`). */
export interface UnsafeTextFinding {
  path: (string | number)[]
  flaw: TextFlaw | 'too_deep'
}

const MAX_DEPTH = 64

/**
 * Every string in `value` (keys included) with unsafe characters: for edges where everything is
 * typed by a person or is an identifier, so any finding is refused. Deeper than 64 levels counts
 * as a finding too: no request of ours nests that deep.
 */
export function findUnsafeText(value: unknown, limit = 20): UnsafeTextFinding[] {
  const found: UnsafeTextFinding[] = []
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (found.length >= limit) return
    if (typeof node === 'string') {
      const flaw = freeTextFlaw(node)
      if (flaw) found.push({ path, flaw })
      return
    }
    if (typeof node !== 'object' || node === null) return
    if (path.length >= MAX_DEPTH) {
      found.push({ path, flaw: 'too_deep' })
      return
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, [...path, i])
      })
      return
    }
    for (const [key, item] of Object.entries(node)) {
      const flaw = freeTextFlaw(key)
      if (flaw) found.push({ path: [...path, key], flaw })
      walk(item, [...path, key])
    }
  }
  walk(value, [])
  return found
}

/** `description: contains a control character` — the message a refusal carries. */
/** The flaws a finding can name, as a UI words them (`sourceEditor.unsafe.<flaw>`). */
export const unsafeFlaws = ['control', 'surrogate', 'too_deep'] as const

/** A finding as a key and its value, for a UI to say it in its own language. */
export function findingDetailOf(finding: UnsafeTextFinding): {
  key: UnsafeTextFinding['flaw']
  params: { field: string }
} {
  return { key: finding.flaw, params: { field: fieldOf(finding) } }
}

const fieldOf = (finding: UnsafeTextFinding): string =>
  finding.path.length > 0 ? finding.path.join('.') : 'value'

export function describeFinding(finding: UnsafeTextFinding): string {
  const field = fieldOf(finding)
  if (finding.flaw === 'too_deep') return `${field}: nested too deeply`
  return finding.flaw === 'control'
    ? `${field}: contains a control character`
    : `${field}: contains broken Unicode (a lone surrogate)`
}

/**
 * A copy of `value` with every string and key cleaned as multi-line text: for what the server
 * stores about a request it refused (a rejection's details may quote the hostile keys).
 */
export function cleanDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanMultiline(value)
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a key named __proto__ stays a plain key instead of setting the prototype.
    Object.defineProperty(copy, cleanMultiline(key), {
      value: cleanDeep(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return copy
}
