/**
 * Every mutation of the sync protocol, read from `mutationSchema` itself, with a valid base
 * mutation for each: generated from its JSON schema, then a tiny hand table of what generation
 * cannot know (a real customer id from the demo seed, a configured category code, a complaint
 * the mutation is about). A new mutation is fuzzed without editing this file; if its generated
 * base is not applied by the server, the base test names it and this table gets an entry.
 */
import { z } from 'zod'

import { mutationSchema } from '@shared/sync/protocol'
import {
  asJsonSchema,
  fieldsOf,
  validValue,
  type JsonSchema,
  type SchemaField
} from './json-schema'
import { isJsonObject, type JsonObject, type JsonValue } from './json-text'
import type { Rng } from './prng'
import { DEFAULT_FORM_ID, completeDefaultAnswers } from './evaluation-base'

/** Demo users (src/server/seed/demo-users.ts) who push in the fuzz suite. */
export type Pusher = 'ana' | 'bruno' | 'carla' | 'admin'

/** A type alias, not an interface, so it is a {@link JsonValue} as it is. */
export type PushMutation = { id: string; name: string; args: JsonValue }

export interface MutationOption {
  name: string
  /** JSON schema of the args, as the client writes them (`io: 'input'`). */
  argsSchema: JsonSchema
  /** Every field of the args, to replace one at a time. */
  fields: SchemaField[]
}

/** The options of `mutationSchema`, in protocol order. */
export function mutationOptions(): MutationOption[] {
  return mutationSchema.options.map((option) => {
    const json = asJsonSchema(z.toJSONSchema(option.shape.args, { io: 'input' }))
    return { name: option.shape.name.value, argsSchema: json, fields: fieldsOf(json) }
  })
}

/** What the fixtures need from the seeded database. */
export interface World {
  rng: Rng
  /** A customer of the demo seed. */
  customerId: string
  userIds: Record<Pusher, string>
}

/** Mutations another push must apply first (the complaint a note is about), by user. */
export interface Setup {
  user: Pusher
  mutation: PushMutation
}

export interface BaseMutation {
  user: Pusher
  setup: Setup[]
  mutation: PushMutation
}

interface Fixture {
  /** Who pushes it: most mutations need an agent of a team; decisions need a lead. */
  user: Pusher
  /** Values generation cannot know, and what must exist first. */
  prepare?: (world: World, args: JsonObject) => { setup: Setup[]; args: JsonObject }
}

function argsOf(mutation: PushMutation): JsonObject {
  return isJsonObject(mutation.args) ? mutation.args : {}
}

/** A fixed recent moment plus `seconds`: timestamps in the order refinements demand. */
function at(seconds: number): string {
  return new Date(Date.UTC(2026, 10, 24, 9, 0, 0) + seconds * 1000).toISOString()
}

/** A fresh complaint by ana (team Norte) about a seeded customer, for mutations about one. */
function aComplaint(world: World): Setup {
  return { user: 'ana', mutation: baseMutation(world, 'complaint.create').mutation }
}

function about(complaint: Setup, args: JsonObject): { setup: Setup[]; args: JsonObject } {
  const complaintArgs = complaint.mutation.args
  const complaintId = isJsonObject(complaintArgs) ? (complaintArgs['id'] ?? null) : null
  return { setup: [complaint], args: { ...args, complaintId } }
}

/**
 * The hand table. Every value here is one the JSON schema cannot tell: ids of rows that must
 * exist, codes of the seeded configuration, and combinations the server checks (a transition
 * valid from `new`, an edit whose base is the complaint's current value).
 */
const fixtures: Record<string, Fixture> = {
  'complaint.create': {
    user: 'ana',
    prepare: (world, args) => ({
      setup: [],
      // A seeded customer, so compensation can be granted on it; seeded category codes; a
      // production complaint (the practice mark's pair is checked by the server, not the schema).
      args: {
        ...args,
        customerId: world.customerId,
        category: 'billing',
        subcategory: null,
        productCode: null,
        practice: false,
        personaId: null
      }
    })
  },
  'complaint.transition': {
    user: 'ana',
    prepare: (world, args) => about(aComplaint(world), { ...args, action: 'start' })
  },
  'complaint.note': { user: 'ana', prepare: (world, args) => about(aComplaint(world), args) },
  'complaint.escalate': { user: 'ana', prepare: (world, args) => about(aComplaint(world), args) },
  'complaint.update': {
    user: 'ana',
    prepare: (world, args) => {
      const complaint = aComplaint(world)
      const edits = Array.isArray(args['edits']) ? args['edits'] : []
      const edit = isJsonObject(edits[0]) ? edits[0] : {}
      // The edit's base is the complaint's current value: it applies without a conflict.
      const received = argsOf(complaint.mutation)['received'] ?? ''
      return about(complaint, { ...args, edits: [{ ...edit, field: 'received', base: received }] })
    }
  },
  'complaint.assign': {
    user: 'carla',
    prepare: (world, args) => about(aComplaint(world), { ...args, assigneeId: world.userIds.bruno })
  },
  'compensation.grant': {
    user: 'ana',
    prepare: (world, args) =>
      about(aComplaint(world), { ...args, amount: 10, currency: 'EUR', expected: 'granted' })
  },
  'compensation.decide': {
    // A pending request of ana's, decided by carla, the lead of her team.
    user: 'carla',
    prepare: (world, args) => {
      const complaint = aComplaint(world)
      const grant = baseMutation(world, 'compensation.grant').mutation
      const grantArgs = isJsonObject(grant.args) ? grant.args : {}
      const complaintArgs = isJsonObject(complaint.mutation.args) ? complaint.mutation.args : {}
      const pending: PushMutation = {
        ...grant,
        args: {
          ...grantArgs,
          complaintId: complaintArgs['id'] ?? null,
          amount: 900_000,
          expected: 'pending'
        }
      }
      return {
        setup: [complaint, { user: 'ana', mutation: pending }],
        args: { ...args, compensationId: grantArgs['id'] ?? null, decision: 'approve' }
      }
    }
  },
  'customer.create': {
    user: 'ana',
    // libphonenumber decides what a valid number is: a Spanish mobile.
    prepare: (world, args) => ({
      setup: [],
      args: { ...args, phoneE164: `+346${String(world.rng.int(10_000_000, 99_999_999))}` }
    })
  },
  'interaction.record': {
    user: 'ana',
    // Refinements: ringAt ≤ endedAt, and only an answered call has answeredAt.
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        customerId: world.customerId,
        ringAt: at(0),
        answeredAt: at(4),
        endedAt: at(120),
        result: 'answered'
      }
    })
  },
  'script_run.record': {
    user: 'ana',
    // Refinements: startedAt ≤ endedAt, and only a closed run has an outcome.
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        practice: false,
        customerId: world.customerId,
        startedAt: at(0),
        endedAt: at(300),
        status: 'closed',
        abandonReason: null
      }
    })
  },
  'agent_state.record': {
    user: 'ana',
    // A pause reason of the seeded configuration.
    prepare: (_world, args) => ({
      setup: [],
      args: { ...args, state: 'not_ready', pauseReason: 'break' }
    })
  },
  'agent_state.force': {
    // carla leads ana's team; a selectable pause reason of the seeded configuration.
    user: 'carla',
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        agentId: world.userIds.ana,
        state: 'not_ready',
        pauseReason: 'meeting',
        note: 'sala 2'
      }
    })
  },
  'disposition.record': {
    user: 'ana',
    // A disposition code of the seeded configuration; a production disposition names its call's
    // interaction record (a refinement), so that record is pushed first.
    prepare: (world, args) => {
      const interaction = baseMutation(world, 'interaction.record').mutation
      const call = argsOf(interaction)
      return {
        setup: [{ user: 'ana', mutation: interaction }],
        args: {
          ...args,
          code: 'resolved',
          practice: false,
          interactionId: call['id'] ?? null,
          callId: call['callId'] ?? null,
          customerId: world.customerId
        }
      }
    }
  },
  'practice_session.record': {
    user: 'ana',
    // A seeded sample (the suite seeds them, as every server does at start) played on a call
    // whose practice wrap-up is pushed first: the server refuses a session without one.
    prepare: (world, args) => {
      const callId = `practice-${world.rng.uuid()}`
      const wrapUp: PushMutation = {
        id: world.rng.uuid(),
        name: 'disposition.record',
        args: {
          id: world.rng.uuid(),
          callId,
          interactionId: null,
          practice: true,
          code: 'resolved',
          note: '',
          customerId: null,
          recordedAt: at(200)
        }
      }
      return {
        setup: [{ user: 'ana', mutation: wrapUp }],
        args: {
          ...args,
          callId,
          scenarioId: 'win-back-high-value',
          scenarioVersion: 1,
          endedAt: at(210)
        }
      }
    }
  },
  'callback.schedule': {
    user: 'ana',
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        assigneeId: world.userIds.ana,
        practice: false,
        customerId: world.customerId
      }
    })
  },
  'callback.complete': {
    user: 'ana',
    prepare: (world, args) => {
      const schedule = baseMutation(world, 'callback.schedule').mutation
      const id = isJsonObject(schedule.args) ? (schedule.args['id'] ?? null) : null
      return { setup: [{ user: 'ana', mutation: schedule }], args: { ...args, id } }
    }
  },
  'whisper.send': {
    user: 'carla',
    // Carla leads Ana's team; a text whisper says something and names no script step.
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        agentId: world.userIds.ana,
        kind: 'text',
        text: 'Voy contigo',
        jumpId: null,
        jumpLabel: null
      }
    })
  },
  'evaluation.save': {
    // Carla leads Ana's team; a call the server knows nothing of yet (a live one) is production.
    user: 'carla',
    prepare: (world, args) => ({
      setup: [],
      args: {
        ...args,
        formId: DEFAULT_FORM_ID,
        formVersion: 1,
        agentId: world.userIds.ana,
        // A call has one evaluation that counts: a fresh call each time.
        callId: `call-${world.rng.uuid()}`,
        interactionId: null,
        practice: false,
        calibration: false,
        answers: completeDefaultAnswers()
      }
    })
  },
  'evaluation.release': { user: 'carla', prepare: (world, args) => evaluated(world, args, []) },
  'evaluation.acknowledge': {
    user: 'ana',
    prepare: (world, args) => evaluated(world, args, ['evaluation.release'])
  },
  'evaluation.dispute': {
    user: 'ana',
    prepare: (world, args) => evaluated(world, args, ['evaluation.release'])
  },
  'evaluation.resolve': {
    // Re-scored, so the answers (an array the fuzz fills field by field) are there.
    user: 'carla',
    prepare: (world, args) => {
      const prepared = evaluated(world, args, ['evaluation.release', 'evaluation.dispute'])
      const answers = completeDefaultAnswers()
      return { ...prepared, args: { ...prepared.args, decision: 'rescored', answers } }
    }
  },
  'whisper.acknowledge': {
    user: 'ana',
    prepare: (world, args) => {
      const send = baseMutation(world, 'whisper.send').mutation
      const id = isJsonObject(send.args) ? (send.args['id'] ?? null) : null
      return { setup: [{ user: 'carla', mutation: send }], args: { ...args, id } }
    }
  }
}

/**
 * An evaluation by carla of ana's call taken through `steps` first (each pushed by whoever takes
 * it), for a mutation about it. Setups are pushed user by user, so carla's steps come first.
 */
function evaluated(world: World, args: JsonObject, steps: string[]) {
  const saved = baseMutation(world, 'evaluation.save')
  const id = argsOf(saved.mutation)['id'] ?? null
  const setup: Setup[] = [{ user: 'carla', mutation: saved.mutation }]
  for (const name of steps) {
    const step = baseMutation(world, name).mutation
    const user: Pusher = name === 'evaluation.dispute' ? 'ana' : 'carla'
    setup.push({ user, mutation: { ...step, args: { ...argsOf(step), id } } })
  }
  return { setup, args: { ...args, id } }
}

const optionsByName = new Map(mutationOptions().map((o) => [o.name, o]))

/** A valid mutation `name` with fresh ids, who pushes it, and what must be applied first. */
export function baseMutation(world: World, name: string): BaseMutation {
  const option = optionsByName.get(name)
  if (!option) throw new Error(`no mutation ${name} in mutationSchema`)
  const generated = validValue(option.argsSchema, world.rng)
  const args = isJsonObject(generated) ? generated : {}
  const fixture = fixtures[name] ?? { user: 'ana' }
  const prepared = fixture.prepare ? fixture.prepare(world, args) : { setup: [], args }
  return {
    user: fixture.user,
    setup: prepared.setup,
    mutation: { id: world.rng.uuid(), name, args: prepared.args }
  }
}
