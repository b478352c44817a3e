/**
 * The hostile inputs: characters PostgreSQL refuses or mangles, characters nobody types, numbers
 * out of every range, values of the wrong type, huge strings, deep nesting, prototype keys.
 */
import type { SchemaField } from './json-schema'
import { deepArrays, type JsonObject, type JsonValue, type RawJson } from './json-text'
import type { Rng } from './prng'

export interface HostileValue {
  /** What it is, for reports: `NUL inside`, `1e308`, `object for string`. */
  label: string
  value: JsonValue
}

/** Characters a hostile or careless client sends in text. */
export const hostileChars: readonly { label: string; text: string }[] = [
  { label: 'NUL', text: '\u0000' },
  { label: 'SOH', text: '\u0001' },
  { label: 'BEL', text: '\u0007' },
  { label: 'BS', text: '\b' },
  { label: 'VT', text: '\u000b' },
  { label: 'FF', text: '\f' },
  { label: 'ESC', text: '\u001b' },
  { label: 'US', text: '\u001f' },
  { label: 'DEL', text: '\u007f' },
  { label: 'TAB', text: '\t' },
  { label: 'CR', text: '\r' },
  { label: 'CRLF', text: '\r\n' },
  { label: 'lone high surrogate', text: '\ud800' },
  { label: 'lone low surrogate', text: '\udfff' },
  { label: 'reversed surrogate pair', text: '\udc00\ud800' },
  { label: 'right-to-left override', text: '\u202e' }
]

/** 1 MiB and a bit: above the server's body limit on its own. */
export const ONE_MEGABYTE = 1024 * 1024 + 16

/** Levels of nested arrays a hostile body carries. */
export const DEEP_NESTING = 10_000

export function deepNesting(): RawJson {
  return deepArrays(DEEP_NESTING)
}

export const outOfRangeNumbers: readonly HostileValue[] = [
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '-1', value: -1 },
  { label: '0', value: 0 },
  { label: '0.5', value: 0.5 },
  { label: '2**53+1', value: 2 ** 53 + 1 }
]

/** Text hostile values for a string field: each character alone and inside a valid value. */
export function hostileTexts(valid: JsonValue, rng: Rng): HostileValue[] {
  const base = typeof valid === 'string' && valid.length > 0 ? valid : 'texto'
  const out: HostileValue[] = []
  for (const { label, text } of hostileChars) {
    out.push({ label: `${label} alone`, value: text })
    const at = rng.int(0, base.length)
    out.push({ label: `${label} inside`, value: base.slice(0, at) + text + base.slice(at) })
  }
  out.push({ label: '100,000 characters', value: 'a'.repeat(100_000) })
  return out
}

/** Hostile values for one field, chosen by what the field admits. */
export function hostileValuesFor(field: SchemaField, valid: JsonValue, rng: Rng): HostileValue[] {
  const { types } = field
  const out: HostileValue[] = []
  if (types.has('string')) out.push(...hostileTexts(valid, rng))
  if (types.has('number') || types.has('integer')) out.push(...outOfRangeNumbers)
  const wrong: [string, boolean, JsonValue][] = [
    ['number', types.has('number') || types.has('integer'), 12345],
    ['string', types.has('string'), 'texto'],
    ['boolean', types.has('boolean'), true],
    ['null', types.has('null'), null],
    ['object', types.has('object'), { a: 'b' }],
    ['array', types.has('array'), ['texto']]
  ]
  for (const [name, admitted, value] of wrong) {
    if (!admitted) out.push({ label: `${name} instead`, value })
  }
  if (types.has('array')) out.push({ label: 'object instead of array', value: { 0: valid } })
  if (types.has('object')) out.push({ label: 'array instead of object', value: [valid] })
  return out
}

/** Keys that reach `Object.prototype` when a parser or a merge is careless. */
export const prototypeKeys: readonly { key: string; value: JsonValue }[] = [
  { key: '__proto__', value: { polluted: 'yes' } },
  { key: 'constructor', value: { prototype: { polluted: 'yes' } } },
  { key: 'prototype', value: { polluted: 'yes' } }
]

/** `object` with one more own key (even `__proto__`, which an object literal would not own). */
export function withOwnKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const copy: JsonObject = { ...object }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Unknown keys a client should never send: plain, and with hostile characters in the key. */
export const unknownKeys: readonly { label: string; key: string }[] = [
  { label: 'unknown field', key: 'zzUnknownField' },
  { label: 'NUL key', key: 'a\u0000b' },
  { label: 'lone surrogate key', key: '\ud800' }
]

const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype))

/** Whether anything reached `Object.prototype` (a polluted prototype). */
export function prototypePollution(): string[] {
  const probe: Record<string, unknown> = {}
  const found = Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE.has(k))
  if (probe['polluted'] !== undefined) found.push('polluted')
  return found
}
