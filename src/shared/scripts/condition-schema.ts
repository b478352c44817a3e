/**
 * Branch conditions: on answers, customer fields, value tier, time of day and language, combined
 * with all / any / not. Evaluation lives in evaluate-condition.ts; the validator checks that each
 * condition can hold for the answer type it reads.
 */
import { z } from 'zod'

import { languages, valueTiers } from '../domain/customer'

export const nodeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'ids are lower-case letters, digits, - and _ (max 64)')

export const comparisonOps = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'exists',
  'missing'
] as const
export type ComparisonOp = (typeof comparisonOps)[number]

/** Operators that test presence and therefore take no value. */
export const presenceOps: readonly ComparisonOp[] = ['exists', 'missing']

export const scalarSchema = z.union([z.string().max(200), z.number(), z.boolean()])
export type Scalar = z.infer<typeof scalarSchema>

const operandSchema = z.union([scalarSchema, z.array(scalarSchema).min(1).max(50)])
export type Operand = Scalar | Scalar[]

/** Customer fields a script may read; `fullName` and `productCount` are derived. */
export const customerFields = [
  'firstName',
  'lastName',
  'fullName',
  'externalRef',
  'preferredLanguage',
  'tier',
  'recencyDays',
  'frequency12m',
  'monetary12m',
  'lifetimeValue',
  'productCount',
  'doNotCall'
] as const
export type CustomerField = (typeof customerFields)[number]

/** The type of each field, so the validator can reject comparisons that can never hold. */
export const customerFieldTypes = {
  firstName: 'string',
  lastName: 'string',
  fullName: 'string',
  externalRef: 'string',
  preferredLanguage: 'language',
  tier: 'tier',
  recencyDays: 'number',
  frequency12m: 'number',
  monetary12m: 'number',
  lifetimeValue: 'number',
  productCount: 'number',
  doNotCall: 'boolean'
} as const satisfies Record<CustomerField, 'string' | 'number' | 'boolean' | 'language' | 'tier'>

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour')

export type Condition =
  | { answer: string; op: ComparisonOp; value?: Operand | undefined }
  | { customer: CustomerField; op: ComparisonOp; value?: Operand | undefined }
  | { tier: (typeof valueTiers)[number][] }
  | { language: (typeof languages)[number] }
  | { timeOfDay: { from: string; to: string } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

const needsValue = (c: { op: ComparisonOp; value?: unknown }): boolean =>
  presenceOps.includes(c.op) === (c.value === undefined)
const valueMessage = 'eq, ne, gt, gte, lt, lte, in and not_in take a value; exists and missing none'

export const conditionSchema: z.ZodType<Condition> = z.union([
  z
    .strictObject({
      answer: nodeIdSchema,
      op: z.enum(comparisonOps),
      value: operandSchema.optional()
    })
    .refine(needsValue, valueMessage),
  z
    .strictObject({
      customer: z.enum(customerFields),
      op: z.enum(comparisonOps),
      value: operandSchema.optional()
    })
    .refine(needsValue, valueMessage),
  z.strictObject({ tier: z.array(z.enum(valueTiers)).min(1) }),
  z.strictObject({ language: z.enum(languages) }),
  z.strictObject({ timeOfDay: z.strictObject({ from: hhmm, to: hhmm }) }),
  z.strictObject({
    get all() {
      return z.array(conditionSchema).min(1)
    }
  }),
  z.strictObject({
    get any() {
      return z.array(conditionSchema).min(1)
    }
  }),
  z.strictObject({
    get not() {
      return conditionSchema
    }
  })
])
