/**
 * Valid values from a JSON schema (as `z.toJSONSchema` or the OpenAPI document gives them), and
 * the list of fields a schema describes, so each can be replaced by a hostile value in turn.
 */
import { isJsonObject, type JsonObject, type JsonValue } from './json-text'
import type { Rng } from './prng'
import { sampleRegex } from './regex-sample'

/** The part of JSON Schema (2020-12, and OpenAPI 3.0's dialect) this contract uses. */
export interface JsonSchema {
  type?: string | string[]
  format?: string
  pattern?: string
  enum?: JsonValue[]
  const?: JsonValue
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  /** A bound in 2020-12; a flag on `minimum` in OpenAPI 3.0. */
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  nullable?: boolean
}

/** A JSON schema read from a document (the OpenAPI JSON, or `z.toJSONSchema`'s output). */
export function asJsonSchema(value: unknown): JsonSchema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`not a JSON schema: ${JSON.stringify(value)}`)
  }
  return value
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null'

const JSON_TYPES: readonly JsonType[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'array',
  'object',
  'null'
]

function isJsonType(name: string): name is JsonType {
  return (JSON_TYPES as readonly string[]).includes(name)
}

/** The branches of a union, or the schema itself. */
function branches(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [schema]
}

/** Every JSON type a schema admits (unions and `nullable` included). */
export function typesOf(schema: JsonSchema): Set<JsonType> {
  const out = new Set<JsonType>()
  for (const branch of branches(schema)) {
    if (branch !== schema) {
      for (const t of typesOf(branch)) out.add(t)
      continue
    }
    const declared = Array.isArray(branch.type) ? branch.type : branch.type ? [branch.type] : []
    for (const t of declared) if (isJsonType(t)) out.add(t)
    const listed = branch.enum ?? (branch.const === undefined ? [] : [branch.const])
    for (const v of listed) {
      if (v === null) out.add('null')
      else if (typeof v === 'string') out.add('string')
      else if (typeof v === 'number') out.add('number')
      else if (typeof v === 'boolean') out.add('boolean')
    }
    if (branch.properties) out.add('object')
    if (branch.items) out.add('array')
  }
  if (schema.nullable) out.add('null')
  return out
}

/** The branch of a union that is not null: where generation and field listing go. */
export function mainBranch(schema: JsonSchema): JsonSchema {
  const options = branches(schema)
  if (options.length === 1) return options[0] ?? schema
  return options.find((b) => !(typesOf(b).size === 1 && typesOf(b).has('null'))) ?? schema
}

const WORDS = [
  'cliente',
  'factura',
  'cobro',
  'doble',
  'marzo',
  'llamada',
  'atención',
  'señal',
  'router',
  'reembolso'
]

function text(rng: Rng, min: number, max: number): string {
  const target = Math.max(min, Math.min(max, rng.int(8, 32)))
  let out = ''
  while (out.length < target) out += (out ? ' ' : '') + rng.pick(WORDS)
  // No edge spaces: servers trim text, and a generated value should survive as it is.
  return out.slice(0, Math.max(target, min)).trim().padEnd(min, 'x')
}

/** A fixed recent day, so generated timestamps are plausible and ordered within a record. */
const BASE_TIME = Date.UTC(2026, 10, 24, 10, 0, 0)

function stringValue(schema: JsonSchema, rng: Rng): string {
  switch (schema.format) {
    case 'uuid':
      return rng.uuid()
    case 'date-time':
      return new Date(BASE_TIME + rng.int(0, 3600) * 1000).toISOString()
    case 'date':
      return new Date(BASE_TIME).toISOString().slice(0, 10)
    case 'email':
      return `cliente${rng.int(1, 9999)}@example.com`
    default:
      break
  }
  if (schema.pattern !== undefined) return sampleRegex(schema.pattern, rng)
  return text(rng, schema.minLength ?? 0, schema.maxLength ?? 64)
}

function numberValue(schema: JsonSchema, rng: Rng, integer: boolean): number {
  const exclusiveLow = schema.exclusiveMinimum
  const exclusiveHigh = schema.exclusiveMaximum
  let low = typeof exclusiveLow === 'number' ? exclusiveLow : (schema.minimum ?? 0)
  let high = typeof exclusiveHigh === 'number' ? exclusiveHigh : (schema.maximum ?? 1000)
  if (typeof exclusiveLow === 'number' || exclusiveLow === true) low += 1
  if (typeof exclusiveHigh === 'number' || exclusiveHigh === true) high -= 1
  const value = Math.min(high, Math.max(low, rng.int(1, 120)))
  return integer ? Math.ceil(value) : value
}

/** A value the schema accepts (unions take their non-null branch, objects all properties). */
export function validValue(schema: JsonSchema, rng: Rng): JsonValue {
  const main = mainBranch(schema)
  if (main.const !== undefined) return main.const
  if (main.enum && main.enum.length > 0) return rng.pick(main.enum)
  const types = typesOf(main)
  if (main.properties || types.has('object')) {
    const out: JsonObject = {}
    for (const [key, property] of Object.entries(main.properties ?? {})) {
      out[key] = validValue(property, rng)
    }
    return out
  }
  if (main.items || types.has('array')) {
    const count = Math.min(Math.max(main.minItems ?? 0, 1), main.maxItems ?? 1)
    return Array.from({ length: count }, () => validValue(main.items ?? {}, rng))
  }
  if (types.has('string')) return stringValue(main, rng)
  if (types.has('integer')) return numberValue(main, rng, true)
  if (types.has('number')) return numberValue(main, rng, false)
  if (types.has('boolean')) return rng.next() < 0.5
  if (types.has('null')) return null
  // An unconstrained value (`z.unknown()`): whatever JSON will do.
  return 'x'
}

/** One field of a schema: where it is and what it admits. */
export interface SchemaField {
  path: (string | number)[]
  schema: JsonSchema
  types: Set<JsonType>
}

/** Every property and array item (index 0) below `schema`, depth first, parents first. */
export function fieldsOf(schema: JsonSchema, path: (string | number)[] = []): SchemaField[] {
  const main = mainBranch(schema)
  const out: SchemaField[] = []
  for (const [key, property] of Object.entries(main.properties ?? {})) {
    const at = [...path, key]
    out.push({ path: at, schema: property, types: typesOf(property) })
    out.push(...fieldsOf(property, at))
  }
  if (main.items) {
    const at = [...path, 0]
    out.push({ path: at, schema: main.items, types: typesOf(main.items) })
    out.push(...fieldsOf(main.items, at))
  }
  return out
}

/** True when a generated value is an object (for fixtures that override a few of its keys). */
export function asObject(value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw new Error('expected an object')
  return value
}
