/**
 * The call-script model: a script is a graph of nodes with stable ids, authored as YAML or JSON
 * and versioned by `id` + `version`, so a run record can always name the exact script it ran.
 *
 * Node kinds: `say` (a line to read, optionally mandatory), `ask` (a question with a typed
 * answer), `branch` (ordered conditions, first match wins, else `default`), `action` (an effect
 * the app carries out: complaint, callback, disposition, transfer, offer) and `end` (an outcome
 * that becomes the call's disposition). Global `jumps` (objections, FAQ) are side flows the agent
 * can enter from any step; a node in a jump flow without `next` returns to where the agent was.
 *
 * Cross-references (ids, categories, dispositions) are plain strings here on purpose: the
 * validator reports them with the node id and file line, which a schema enum could not.
 */
import { z } from 'zod'

import { conditionSchema, nodeIdSchema } from './condition-schema'
import { localizedTextSchema } from './localized-text'

const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'codes are lower-case letters, digits, - and _ (max 64)')

const optionSchema = z.strictObject({
  value: slugSchema,
  label: localizedTextSchema,
  next: nodeIdSchema.optional()
})

export const ratingScales = ['1-5', '0-10'] as const
export type RatingScale = (typeof ratingScales)[number]

export const answerSpecSchema = z.discriminatedUnion('type', [
  // At most ten options: the runner maps them to the keys 1–9 and 0 for the tenth.
  z.strictObject({ type: z.literal('choice'), options: z.array(optionSchema).min(2).max(10) }),
  z.strictObject({ type: z.literal('yes_no') }),
  z.strictObject({ type: z.literal('text'), maxLength: z.int().min(1).max(4000).optional() }),
  z.strictObject({
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional()
  }),
  z.strictObject({ type: z.literal('date') }),
  z.strictObject({ type: z.literal('rating'), scale: z.enum(ratingScales) })
])
export type AnswerSpec = z.infer<typeof answerSpecSchema>

export const NEXT_BEST_OFFER = 'next_best_offer'

export const actionSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('create_complaint'),
    category: z.string(),
    description: localizedTextSchema
  }),
  z
    .strictObject({
      type: z.literal('schedule_callback'),
      inMinutes: z
        .int()
        .min(1)
        .max(60 * 24 * 90)
        .optional(),
      dateAnswer: nodeIdSchema.optional(),
      note: localizedTextSchema.optional()
    })
    .refine(
      (a) => (a.inMinutes === undefined) !== (a.dateAnswer === undefined),
      'a callback needs exactly one of inMinutes or dateAnswer'
    ),
  z.strictObject({ type: z.literal('set_disposition'), code: z.string() }),
  z
    .strictObject({
      type: z.literal('transfer'),
      number: z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, 'must be E.164')
        .optional(),
      queue: z.string().optional()
    })
    .refine(
      (a) => (a.number === undefined) !== (a.queue === undefined),
      'a transfer needs exactly one of number or queue'
    ),
  z.strictObject({
    type: z.literal('offer_product'),
    // A catalog code, or `next_best_offer` for whatever the customer card suggests.
    product: z.string().regex(/^([A-Z0-9][A-Z0-9-]{0,31}|next_best_offer)$/)
  })
])
export type ActionSpec = z.infer<typeof actionSpecSchema>

const base = { id: nodeIdSchema, title: localizedTextSchema.optional() }

export const sayNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('say'),
  text: localizedTextSchema,
  mandatory: z.boolean().optional(),
  next: nodeIdSchema.optional()
})
export const askNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('ask'),
  prompt: localizedTextSchema,
  answer: answerSpecSchema,
  optional: z.boolean().optional(),
  next: nodeIdSchema.optional()
})
export const branchNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('branch'),
  rules: z.array(z.strictObject({ when: conditionSchema, next: nodeIdSchema })).min(1),
  default: nodeIdSchema
})
export const actionNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('action'),
  text: localizedTextSchema.optional(),
  action: actionSpecSchema,
  next: nodeIdSchema.optional()
})
export const endNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('end'),
  text: localizedTextSchema.optional(),
  outcome: z.string()
})

export const scriptNodeSchema = z.discriminatedUnion('kind', [
  sayNodeSchema,
  askNodeSchema,
  branchNodeSchema,
  actionNodeSchema,
  endNodeSchema
])

export const scriptSchema = z.strictObject({
  id: slugSchema,
  version: z.int().min(1),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  start: nodeIdSchema,
  dispositions: z
    .array(z.strictObject({ code: slugSchema, label: localizedTextSchema }))
    .min(1)
    .max(100),
  queues: z.array(slugSchema).max(100).optional(),
  jumps: z
    .array(z.strictObject({ id: slugSchema, label: localizedTextSchema, start: nodeIdSchema }))
    .max(20)
    .optional(),
  nodes: z.array(scriptNodeSchema).min(1).max(500)
})

export type Script = z.infer<typeof scriptSchema>
export type ScriptNode = z.infer<typeof scriptNodeSchema>
export type SayNode = z.infer<typeof sayNodeSchema>
export type AskNode = z.infer<typeof askNodeSchema>
export type BranchNode = z.infer<typeof branchNodeSchema>
export type ActionNode = z.infer<typeof actionNodeSchema>
export type EndNode = z.infer<typeof endNodeSchema>
export type ScriptJump = NonNullable<Script['jumps']>[number]
/** Nodes the agent stops at; branches resolve on their own and never become the current step. */
export type StepNode = Exclude<ScriptNode, BranchNode>

const indexes = new WeakMap<Script, Map<string, ScriptNode>>()

/** The node with `id`, through a per-script index (scripts are immutable once parsed). */
export function findNode(script: Script, id: string): ScriptNode | undefined {
  let index = indexes.get(script)
  if (!index) {
    index = new Map(script.nodes.map((n) => [n.id, n]))
    indexes.set(script, index)
  }
  return index.get(id)
}
