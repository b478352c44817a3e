/**
 * JSON values as the fuzz suite sends them. `JSON.stringify` cannot write everything a hostile
 * client can: `__proto__` as an own key (an object literal sets the prototype instead), or
 * 10,000 levels of nesting without deep recursion. A {@link RawJson} is inserted verbatim.
 */

export type JsonValue =
  null | boolean | number | string | RawJson | JsonValue[] | { [key: string]: JsonValue }

export type JsonObject = Record<string, JsonValue>

/** JSON text spliced in as it is (already valid JSON, or deliberately not). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof RawJson)
  )
}

/**
 * JSON text of `value`. Strings go through `JSON.stringify`, which writes a lone surrogate as a
 * `\udXXX` escape: exactly what a client's `JSON.stringify` puts on the wire.
 */
export function toJsonText(value: JsonValue): string {
  if (value instanceof RawJson) return value.text
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    return JSON.stringify(value)
  }
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
  return `{${members.join(',')}}`
}

/** A copy of `root` with the value at `path` replaced (arrays and objects copied on the way). */
export function withValueAt(
  root: JsonValue,
  path: readonly (string | number)[],
  value: JsonValue
): JsonValue {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root]
    copy[head] = withValueAt(root[head] ?? null, rest, value)
    return copy
  }
  if (isJsonObject(root)) {
    const key = String(head)
    return { ...root, [key]: withValueAt(root[key] ?? null, rest, value) }
  }
  throw new Error(`no container at ${String(head)} to set a value in`)
}

/** The value at `path`, or undefined. */
export function valueAt(
  root: JsonValue,
  path: readonly (string | number)[]
): JsonValue | undefined {
  let node: JsonValue | undefined = root
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step]
    else if (isJsonObject(node)) node = node[String(step)]
    else return undefined
  }
  return node
}

/** `[[[…]]]`, `depth` levels deep. */
export function deepArrays(depth: number): RawJson {
  return new RawJson('['.repeat(depth) + ']'.repeat(depth))
}

/** A short printable form of a value for failure reports (long strings cut, escapes visible). */
export function describeValue(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined'
  const text = toJsonText(value)
  return text.length > 120 ? `${text.slice(0, 100)}… (${text.length} chars)` : text
}
