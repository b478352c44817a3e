/**
 * The push fuzz cases, built from the mutation list: each field of each mutation replaced by
 * each hostile value that fits it, then whole-mutation and whole-push cases.
 */
import type { JsonType, SchemaField } from './json-schema'
import {
  DEEP_NESTING,
  ONE_MEGABYTE,
  deepNesting,
  hostileChars,
  hostileValuesFor,
  prototypeKeys,
  unknownKeys,
  withOwnKey,
  type HostileValue
} from './hostile'
import {
  describeValue,
  isJsonObject,
  valueAt,
  withValueAt,
  type JsonObject,
  type JsonValue
} from './json-text'
import {
  baseMutation,
  type MutationOption,
  type PushMutation,
  type Setup,
  type World
} from './mutations'
import type { PushCase, SentMutation } from './push-runner'

export interface CaseSet {
  setup: Setup[]
  cases: PushCase[]
}

function argsOf(mutation: PushMutation): JsonObject {
  return isJsonObject(mutation.args) ? mutation.args : {}
}

function pathLabel(path: readonly (string | number)[]): string {
  return ['args', ...path.map(String)].join('.')
}

/** The base of `name` with `value` at `path` of its args. */
function hostileMutation(
  world: World,
  name: string,
  path: readonly (string | number)[],
  value: JsonValue
): { setup: Setup[]; mutation: PushMutation; user: PushCase['user'] } {
  const base = baseMutation(world, name)
  return {
    setup: base.setup,
    user: base.user,
    mutation: { ...base.mutation, args: withValueAt(base.mutation.args, path, value) }
  }
}

const ARGS_FIELD: SchemaField = { path: [], schema: {}, types: new Set<JsonType>(['object']) }

/** Every field (and the args as a whole) × every hostile value that fits it. */
export function fieldCases(world: World, option: MutationOption): CaseSet {
  const out: CaseSet = { setup: [], cases: [] }
  for (const field of [ARGS_FIELD, ...option.fields]) {
    const valid = valueAt(argsOf(baseMutation(world, option.name).mutation), field.path) ?? null
    const hostile: HostileValue[] = hostileValuesFor(field, valid, world.rng)
    for (const { label, value } of hostile) {
      const built = hostileMutation(world, option.name, field.path, value)
      out.setup.push(...built.setup)
      out.cases.push({
        label: `${option.name} ${pathLabel(field.path)} = ${label}`,
        input: describeValue(value),
        user: built.user,
        mutations: [built.mutation],
        expect: 'result'
      })
    }
    if (field.types.has('string')) {
      // 1 MiB in one field: the body is over the limit, refused before anything is read.
      const built = hostileMutation(world, option.name, field.path, 'a'.repeat(ONE_MEGABYTE))
      out.cases.push({
        label: `${option.name} ${pathLabel(field.path)} = 1 MiB string`,
        input: `"a" × ${ONE_MEGABYTE}`,
        user: built.user,
        mutations: [built.mutation],
        expect: 'too-large'
      })
    }
  }
  return out
}

/** Deep nesting, prototype keys, unknown keys, and a hostile mutation id or name. */
export function structureCases(world: World, option: MutationOption): CaseSet {
  const out: CaseSet = { setup: [], cases: [] }
  const add = (
    label: string,
    input: string,
    expect: PushCase['expect'],
    edit: (base: PushMutation) => SentMutation
  ): void => {
    const base = baseMutation(world, option.name)
    out.setup.push(...base.setup)
    out.cases.push({
      label: `${option.name} ${label}`,
      input,
      user: base.user,
      mutations: [edit(base.mutation)],
      expect
    })
  }
  const nested = `${DEEP_NESTING} levels of arrays`
  add('args = deep nesting', nested, 'no-5xx', (m) => ({ ...m, args: deepNesting() }))
  const field = option.fields.length > 0 ? world.rng.pick(option.fields) : null
  if (field) {
    add(`${pathLabel(field.path)} = deep nesting`, nested, 'no-5xx', (m) => ({
      ...m,
      args: withValueAt(m.args, field.path, deepNesting())
    }))
  }
  for (const { key, value } of prototypeKeys) {
    const input = `"${key}": ${describeValue(value)}`
    add(`args has own key ${key}`, input, 'no-5xx', (m) => ({
      ...m,
      args: withOwnKey(argsOf(m), key, value)
    }))
    add(`mutation has own key ${key}`, input, 'no-5xx', (m) => ({
      ...withOwnKey(m, key, value),
      id: m.id,
      name: m.name,
      args: m.args
    }))
  }
  for (const { label, key } of unknownKeys) {
    add(`args has ${label}`, JSON.stringify(key), 'result', (m) => ({
      ...m,
      args: { ...argsOf(m), [key]: 'x' }
    }))
  }
  const envelopeField: SchemaField = { path: [], schema: {}, types: new Set(['string']) }
  for (const { label, value } of hostileValuesFor(envelopeField, option.name, world.rng)) {
    add(`name = ${label}`, describeValue(value), 'no-5xx', (m) => ({ ...m, name: value }))
  }
  for (const { label, value } of hostileValuesFor(envelopeField, world.rng.uuid(), world.rng)) {
    add(`mutation id = ${label}`, describeValue(value), 'no-5xx', (m) => ({ ...m, id: value }))
  }
  return out
}

/** Three mutations where only the middle one is hostile: the other two must be applied. */
export function sandwichCases(world: World, option: MutationOption): CaseSet {
  const out: CaseSet = { setup: [], cases: [] }
  const strings = option.fields.filter((f) => f.types.has('string'))
  const hostile: {
    label: string
    path: (string | number)[]
    value: (valid: JsonValue) => JsonValue
    expect: PushCase['expect']
  }[] = []
  const inside = (text: string) => (valid: JsonValue) =>
    `${typeof valid === 'string' ? valid : 'texto'}${text}`
  for (const label of ['NUL', 'lone high surrogate', 'ESC']) {
    const char = hostileChars.find((c) => c.label === label)
    if (char && strings.length > 0) {
      const field = world.rng.pick(strings)
      hostile.push({
        label: `${label} inside`,
        path: field.path,
        value: inside(char.text),
        expect: 'result-alone'
      })
    }
  }
  if (option.fields.length > 0) {
    const field = world.rng.pick(option.fields)
    hostile.push({
      label: 'object instead',
      path: field.path,
      value: () => ({ a: 'b' }),
      expect: 'result-alone'
    })
  }
  hostile.push({ label: 'deep nesting', path: [], value: () => deepNesting(), expect: 'no-5xx' })
  for (const h of hostile) {
    const base = baseMutation(world, option.name)
    const valid = valueAt(base.mutation.args, h.path) ?? null
    const value = h.value(valid)
    const neighbour = (): PushMutation => baseMutation(world, 'interaction.record').mutation
    out.setup.push(...base.setup)
    out.cases.push({
      label: `[valid, ${option.name} ${pathLabel(h.path)} = ${h.label}, valid]`,
      input: describeValue(value),
      user: base.user,
      mutations: [
        neighbour(),
        { ...base.mutation, args: withValueAt(base.mutation.args, h.path, value) },
        neighbour()
      ],
      expect: h.expect,
      mustApply: [0, 2]
    })
  }
  return out
}

/** Seeded extra cases: random mutations with two or three fields made hostile at once. */
export function randomCases(world: World, options: MutationOption[], count: number): CaseSet {
  const out: CaseSet = { setup: [], cases: [] }
  for (let i = 0; i < count; i++) {
    const option = world.rng.pick(options)
    const base = baseMutation(world, option.name)
    let args = base.mutation.args
    const labels: string[] = []
    const fields = option.fields.filter((f) => f.path.length === 1)
    for (let k = 0; k < world.rng.int(2, 3) && fields.length > 0; k++) {
      const field = world.rng.pick(fields)
      const valid = valueAt(args, field.path) ?? null
      const hostile = world.rng.pick(hostileValuesFor(field, valid, world.rng))
      args = withValueAt(args, field.path, hostile.value)
      labels.push(`${pathLabel(field.path)} = ${hostile.label}`)
    }
    out.setup.push(...base.setup)
    out.cases.push({
      label: `random #${i}: ${option.name} ${labels.join(', ')}`,
      input: describeValue(args),
      user: base.user,
      mutations: [{ ...base.mutation, args }],
      expect: 'result'
    })
  }
  return out
}
