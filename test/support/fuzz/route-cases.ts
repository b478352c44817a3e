/**
 * Route fuzz cases, built from the OpenAPI document: each query and path parameter and each
 * body field replaced in turn by hostile values, then whole-body cases (empty, invalid JSON,
 * wrong content types, invalid UTF-8, deep nesting, prototype keys, 1 MiB).
 */
import { fieldsOf, typesOf, validValue, type SchemaField } from './json-schema'
import {
  ONE_MEGABYTE,
  deepNesting,
  hostileValuesFor,
  prototypeKeys,
  unknownKeys,
  withOwnKey
} from './hostile'
import {
  RawJson,
  describeValue,
  isJsonObject,
  toJsonText,
  valueAt,
  withValueAt,
  type JsonValue
} from './json-text'
import { operationName, percentEncode, type Operation } from './openapi'
import type { Rng } from './prng'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'

export interface RouteRequest {
  method: Operation['method']
  url: string
  /** Content type and body, when the case sends one. */
  body?: { contentType: string; payload: string | Buffer } | undefined
}

export interface RouteCase {
  label: string
  input: string
  request: RouteRequest
  /** A status the case must get when the caller may use the route (the 1 MiB body: 413). */
  expectWhenAllowed?: number | undefined
}

type Values = Record<string, JsonValue>

/** One query or path value as URL text: arrays repeat the key, objects use brackets. */
function queryPairs(name: string, value: JsonValue): string[] {
  if (value instanceof RawJson) return [`${percentEncode(name)}=${percentEncode(value.text)}`]
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v))
  if (isJsonObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => queryPairs(`${name}[${k}]`, v))
  }
  return [`${percentEncode(name)}=${value === null ? '' : percentEncode(String(value))}`]
}

function pathText(value: JsonValue): string {
  if (typeof value === 'string') return value
  return value === null || typeof value !== 'object' ? String(value) : toJsonText(value)
}

function urlOf(op: Operation, path: Values, query: Values, extra: string[] = []): string {
  const filled = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    percentEncode(pathText(path[name] ?? ''))
  )
  const pairs = [...Object.entries(query).flatMap(([k, v]) => queryPairs(k, v)), ...extra]
  return pairs.length > 0 ? `${filled}?${pairs.join('&')}` : filled
}

const JSON_TYPE = 'application/json'

interface RouteFixture {
  path?: Values
  query?: Values
  /** Merged over the generated body's top-level keys. */
  body?: Values
}

/**
 * The route hand table: values the schemas cannot tell, so that the base request reaches the
 * handler and each hostile value is judged there (a configured code from the seed, a protocol
 * version the server speaks, a real login). Routes not listed run on generated values alone.
 */
const routeFixtures: Record<string, RouteFixture> = {
  'POST /api/auth/login': { body: { username: 'admin', password: 'atiende' } },
  'POST /api/sync/push': { body: { protocolVersion: PROTOCOL_VERSION } },
  'GET /api/customers/lookup': { query: { phone: '+34612345678', country: 'ES' } },
  'POST /api/admin/customers/import': { query: { country: 'ES' } },
  'GET /api/complaints/analysis': { query: { from: '2026-01-01', to: '2026-12-31' } },
  'PATCH /api/admin/configuration/disposition-codes/{code}': { path: { code: 'resolved' } },
  'POST /api/admin/configuration/disposition-codes/{code}/retire': { path: { code: 'dropped' } },
  'POST /api/admin/configuration/disposition-codes/{code}/restore': { path: { code: 'dropped' } },
  'PATCH /api/admin/configuration/pause-reasons/{code}': { path: { code: 'break' } },
  'POST /api/admin/configuration/pause-reasons/{code}/retire': { path: { code: 'meeting' } },
  'POST /api/admin/configuration/pause-reasons/{code}/restore': { path: { code: 'meeting' } },
  'PATCH /api/admin/configuration/complaint-categories/{code}': { path: { code: 'billing' } },
  'POST /api/admin/configuration/complaint-categories/{code}/retire': {
    path: { code: 'product_defect' }
  },
  'POST /api/admin/configuration/complaint-categories/{code}/restore': {
    path: { code: 'product_defect' }
  },
  'POST /api/admin/configuration/complaint-categories/{code}/subcategories': {
    path: { code: 'billing' }
  },
  'PATCH /api/admin/configuration/complaint-categories/{code}/subcategories/{sub}': {
    path: { code: 'billing', sub: 'double_charge' }
  },
  'POST /api/admin/configuration/complaint-categories/{code}/subcategories/{sub}/retire': {
    path: { code: 'service_quality', sub: 'outage' }
  },
  'POST /api/admin/configuration/complaint-categories/{code}/subcategories/{sub}/restore': {
    path: { code: 'service_quality', sub: 'outage' }
  },
  'PUT /api/admin/configuration/compensation-limits': { body: { currency: 'EUR' } }
}

/** Every hostile case for one operation. */
export function routeCases(op: Operation, rng: Rng): RouteCase[] {
  const name = operationName(op)
  const path: Values = {}
  const query: Values = {}
  for (const p of op.parameters)
    (p.in === 'path' ? path : query)[p.name] = validValue(p.schema, rng)
  const fixture = routeFixtures[name] ?? {}
  Object.assign(path, fixture.path)
  Object.assign(query, fixture.query)
  /** A valid body; each case gets a fresh one, so created codes rarely collide. */
  const freshBody = (): JsonValue => {
    const generated = op.body ? validValue(op.body, rng) : null
    return isJsonObject(generated) ? { ...generated, ...fixture.body } : generated
  }
  const body = freshBody()
  const jsonBody = (value: JsonValue) => ({ contentType: JSON_TYPE, payload: toJsonText(value) })
  const withBody = op.method !== 'GET' && op.method !== 'DELETE'
  const baseBody = body === null ? undefined : jsonBody(body)
  const cases: RouteCase[] = []
  const add = (label: string, input: string, request: Omit<RouteRequest, 'method'>): void => {
    cases.push({ label: `${name} ${label}`, input, request: { method: op.method, ...request } })
  }

  add('base request', 'generated from the schema', { url: urlOf(op, path, query), body: baseBody })
  for (const p of op.parameters) {
    const field: SchemaField = { path: [p.name], schema: p.schema, types: typesOf(p.schema) }
    const valid = (p.in === 'path' ? path : query)[p.name] ?? null
    const hostile = [
      ...hostileValuesFor(field, valid, rng),
      { label: 'deep nesting', value: deepNesting() }
    ]
    for (const { label, value } of hostile) {
      const url =
        p.in === 'path'
          ? urlOf(op, { ...path, [p.name]: value }, query)
          : urlOf(op, path, { ...query, [p.name]: value })
      add(`${p.in} ${p.name} = ${label}`, describeValue(value), { url, body: baseBody })
    }
  }
  const strayQuery: [string, string[]][] = [
    ['__proto__ in the query', ['__proto__[polluted]=yes']],
    ['constructor.prototype in the query', ['constructor[prototype][polluted]=yes']],
    ['unknown query parameter with NUL', ['zz%00=%00']],
    ['repeated parameter', Object.keys(query).flatMap((k) => [`${k}=1`, `${k}=2`])]
  ]
  for (const [label, extra] of strayQuery) {
    add(label, extra.join('&'), { url: urlOf(op, path, query, extra), body: baseBody })
  }

  const url = urlOf(op, path, query)
  if (op.body && body !== null) {
    for (const field of [
      { path: [], schema: op.body, types: typesOf(op.body) },
      ...fieldsOf(op.body)
    ]) {
      const valid = valueAt(body, field.path) ?? null
      for (const { label, value } of hostileValuesFor(field, valid, rng)) {
        const at = ['body', ...field.path.map(String)].join('.')
        add(`${at} = ${label}`, describeValue(value), {
          url,
          body: jsonBody(withValueAt(freshBody(), field.path, value))
        })
      }
    }
    if (isJsonObject(body)) {
      for (const { key, value } of prototypeKeys) {
        add(`body has own key ${key}`, `"${key}": ${describeValue(value)}`, {
          url,
          body: jsonBody(withOwnKey(body, key, value))
        })
      }
      for (const { label, key } of unknownKeys) {
        add(`body has ${label}`, JSON.stringify(key), {
          url,
          body: jsonBody({ ...body, [key]: 'x' })
        })
      }
    }
  }
  if (withBody) {
    const raw = (contentType: string, payload: string | Buffer) => ({
      url,
      body: { contentType, payload }
    })
    add('empty JSON body', '""', raw(JSON_TYPE, ''))
    add('invalid JSON', '{"a":', raw(JSON_TYPE, '{"a":'))
    add('JSON null', 'null', raw(JSON_TYPE, 'null'))
    add('deep nesting body', '10,000 levels of arrays', raw(JSON_TYPE, toJsonText(deepNesting())))
    add('text/plain body', 'x\u0000y', raw('text/plain', 'x\u0000y'))
    add('form body', 'a=b', raw('application/x-www-form-urlencoded', 'a=b&__proto__[x]=1'))
    add(
      'CSV body with NUL and a lone surrogate',
      'csv',
      raw('text/csv', 'external_ref,first_name,last_name\nR\u0000-1,Ana\ud800,Gil\n')
    )
    add('octet-stream body', 'bytes', raw('application/octet-stream', Buffer.from([0, 1, 2, 0xff])))
    add(
      'multipart garbage',
      '--x',
      raw('multipart/form-data; boundary=x', '--x\r\n\u0000\r\n--x--')
    )
    add(
      'JSON in latin1',
      'charset=latin1',
      raw('application/json; charset=latin1', '{"a":"\u00e9"}')
    )
    add(
      'invalid UTF-8 bytes in JSON',
      'ff fe, ed a0 80',
      raw(
        JSON_TYPE,
        Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d])
      )
    )
    cases.push({
      label: `${name} 1 MiB JSON body`,
      input: `"a" × ${ONE_MEGABYTE}`,
      request: {
        method: op.method,
        ...raw(JSON_TYPE, toJsonText({ a: 'a'.repeat(ONE_MEGABYTE) }))
      },
      expectWhenAllowed: op.body ? 413 : undefined
    })
  }
  return cases
}
