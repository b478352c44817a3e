/**
 * Reading the bulk pull (src/shared/sync/bulk-pull.ts): NDJSON split into lines as the bytes
 * arrive. Customer blocks, the bulk of a million-customer stream, stay bytes (customer-bulk-load
 * binds them); the other lines are classified here. A customer sent as a change line (written
 * before the server kept cache rows) is checked by a hand-written guard instead of zod (20 µs a
 * row); the cache checks every customer against the full schema again when it reads one.
 */
import { languages, phoneKinds, valueTiers, type Customer } from '@shared/domain/customer'
import { bulkPullTrailerSchema } from '@shared/sync/bulk-pull'
import { changeSchema, type Change } from '@shared/sync/protocol'

export type BulkLine =
  | { kind: 'customer'; customer: Customer }
  | { kind: 'change'; change: Exclude<Change, { entity: 'customer' }> }
  | { kind: 'trailer'; cursor: number }
  | { kind: 'invalid' }

/**
 * One line of the stream: text, or, for a customer block (a line starting with `[`), its raw
 * UTF-8 bytes, which go to SQLite as they are (never decoded into a JavaScript string).
 */
export type StreamLine = string | Uint8Array

const NEWLINE = 0x0a
const OPEN_BRACKET = 0x5b
const decoder = new TextDecoder()

function joined(parts: readonly Uint8Array[], last: Uint8Array): Uint8Array {
  if (parts.length === 0) return last
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, last.byteLength))
  let at = 0
  for (const part of [...parts, last]) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}

/** A newline never falls inside a UTF-8 sequence, so each line decodes on its own. */
function toLine(bytes: Uint8Array): StreamLine {
  return bytes[0] === OPEN_BRACKET ? bytes : decoder.decode(bytes)
}

/** Complete lines of an NDJSON body, in batches as the network delivers them. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamLine[]> {
  const reader = body.getReader()
  let partial: Uint8Array[] = []
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const lines: StreamLine[] = []
      let start = 0
      for (let end = value.indexOf(NEWLINE); end !== -1; end = value.indexOf(NEWLINE, start)) {
        lines.push(toLine(joined(partial, value.subarray(start, end))))
        partial = []
        start = end + 1
      }
      if (start < value.byteLength) partial.push(value.subarray(start))
      if (lines.length > 0) yield lines
    }
    // A last line without its newline: the stream was cut mid-line; hand it on as it is, it
    // will not parse, and the load fails without a trailer.
    if (partial.length > 0) yield [toLine(joined(partial, new Uint8Array(0)))]
  } finally {
    reader.releaseLock()
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && isFiniteNumber(value) && value >= 0
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.some((item) => item === value)
}

const E164 = /^\+[1-9]\d{6,14}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function isPhone(value: unknown): value is Customer['phones'][number] {
  return (
    isRecord(value) &&
    typeof value['e164'] === 'string' &&
    E164.test(value['e164']) &&
    oneOf(phoneKinds, value['kind'])
  )
}

function isProduct(value: unknown): value is Customer['products'][number] {
  return (
    isRecord(value) &&
    isString(value['code'], 32) &&
    isString(value['name'], 120) &&
    typeof value['since'] === 'string' &&
    ISO_DATE.test(value['since'])
  )
}

function listOf<T>(value: unknown, max: number, item: (v: unknown) => v is T): value is T[] {
  return Array.isArray(value) && value.length <= max && value.every((v) => item(v))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The customer schema's rules, checked by hand (see the module comment). */
export function isCustomer(value: unknown): value is Customer {
  if (!isRecord(value)) return false
  const v = value
  return (
    typeof v['id'] === 'string' &&
    UUID.test(v['id']) &&
    isString(v['externalRef'], 64) &&
    isString(v['firstName'], 120) &&
    isString(v['lastName'], 120) &&
    (v['documentId'] === null || isString(v['documentId'], 64)) &&
    listOf(v['phones'], 20, isPhone) &&
    listOf(v['emails'], 20, (e): e is string => isString(e, 254)) &&
    oneOf(languages, v['preferredLanguage']) &&
    oneOf(valueTiers, v['tier']) &&
    isCount(v['recencyDays']) &&
    isCount(v['frequency12m']) &&
    isFiniteNumber(v['monetary12m']) &&
    isFiniteNumber(v['lifetimeValue']) &&
    listOf(v['products'], 100, isProduct) &&
    typeof v['doNotCall'] === 'boolean' &&
    isString(v['notes'], 4000) &&
    typeof v['updatedAt'] === 'string'
  )
}

/** What one line of the stream is. */
export function parseBulkLine(line: string): BulkLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { kind: 'invalid' }
  }
  if (!isRecord(value)) return { kind: 'invalid' }
  if (value['entity'] === 'customer') {
    const data = value['data']
    return Number.isInteger(value['seq']) && isCustomer(data)
      ? { kind: 'customer', customer: data }
      : { kind: 'invalid' }
  }
  if ('entity' in value) {
    const change = changeSchema.safeParse(value)
    if (!change.success || change.data.entity === 'customer') return { kind: 'invalid' }
    return { kind: 'change', change: change.data }
  }
  const trailer = bulkPullTrailerSchema.safeParse(value)
  return trailer.success ? { kind: 'trailer', cursor: trailer.data.cursor } : { kind: 'invalid' }
}
