/**
 * A practice scenario: a synthetic customer (the persona), the script version the trainee must
 * follow, what the simulated customer says and does at each step, and what the trainee is
 * expected to achieve. Authored as YAML, checked by scenario-source.ts.
 *
 * Like the script schema, cross-references (node ids, jump ids, dispositions) and the persona's
 * id and phone rules are plain strings here on purpose: the validator reports them with the id
 * and the file line, which a schema enum or regex could only report as a shape error.
 */
import { z } from 'zod'

import { complaintCategories, complaintChannels } from '../domain/complaint'
import { compensationTypes } from '../domain/configuration'
import { productHeldSchema, valueTiers, languages } from '../domain/customer'
import { qualityDimensions } from '../domain/quality-dimensions'
import { nodeIdSchema } from '../scripts/condition-schema'
import { localizedTextSchema } from '../scripts/localized-text'
import { offerAnswers } from '../scripts/offer-step'
import { answerValueSchema } from '../scripts/run-state'
import type { Script } from '../scripts/schema'

const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are kebab-case: lower-case letters, digits and -')

/** What the customer says, one line per entry, in order. */
const linesSchema = z.array(localizedTextSchema).min(1).max(20)

export const personaSchema = z.strictObject({
  /** Starts with `persona-` (checked by the validator) so no record can mistake it for a customer. */
  id: z.string(),
  firstName: z.string().trim().min(1).max(120),
  lastName: z.string().trim().max(120).default(''),
  /** In a range reserved for fiction (see persona-rules.ts), so a practice ring never pops a real line. */
  phone: z.string(),
  language: z.enum(languages),
  valueTier: z.enum(valueTiers),
  /**
   * False for a caller the directory does not know: the ring pops no card. Such a persona has
   * no products, history or open complaints (the validator says so).
   */
  onFile: z.boolean().default(true),
  products: z.array(productHeldSchema.strict()).max(20).default([]),
  history: z
    .array(
      z.strictObject({
        date: z.iso.date(),
        channel: z.enum(complaintChannels),
        summary: localizedTextSchema
      })
    )
    .max(20)
    .default([]),
  openComplaints: z
    .array(
      z.strictObject({
        id: slugSchema,
        category: z.enum(complaintCategories),
        since: z.iso.date(),
        summary: localizedTextSchema
      })
    )
    .max(10)
    .default([])
})
export type Persona = z.infer<typeof personaSchema>

export const objectionSchema = z.strictObject({
  /** A jump of the script: the trainee handles the objection by taking it. */
  jump: slugSchema,
  says: linesSchema,
  /** Said when the trainee comes back from the jump: the objection is settled. */
  settled: linesSchema.optional()
})

export const customerTurnSchema = z.strictObject({
  /** The script node; the lines are said when the trainee reaches it. */
  node: nodeIdSchema,
  says: linesSchema.optional(),
  /** At an `ask` node: what the trainee should record (it must fit the node's answer spec). */
  answer: answerValueSchema.optional(),
  /** Raised after the lines; repeated at every step until the trainee takes its jump. */
  objection: objectionSchema.optional(),
  /** At an `offer_product` node: how the customer answers the offer, and what they say. */
  offer: z.strictObject({ response: z.enum(offerAnswers), says: linesSchema }).optional()
})
export type CustomerTurn = z.infer<typeof customerTurnSchema>

export const customerSchema = z.strictObject({
  turns: z.array(customerTurnSchema).max(500),
  reactions: z
    .strictObject({
      /** The trainee recorded another answer than the customer gave (choice, yes/no, rating, number). */
      wrongAnswer: linesSchema.optional(),
      /** The trainee reached a main-flow node off the expected path. */
      wrongBranch: linesSchema.optional(),
      /** The trainee moved past a mandatory line without reading it. */
      skippedMandatory: linesSchema.optional()
    })
    .default({}),
  /**
   * The customer takes a compensation between `min` (0 when absent) and `max`; below it they
   * ask for more, above it they do not believe it (the trainee promised beyond the scenario).
   */
  compensation: z
    .strictObject({
      min: z.number().min(0).optional(),
      max: z.number().min(0),
      currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
      accepts: linesSchema,
      tooLow: linesSchema.optional(),
      tooHigh: linesSchema
    })
    .optional()
})

/** Scored items a scenario can make critical: failing one fails the practice whatever the score. */
export const criticalItems = [
  'mandatory_steps',
  'branches',
  'offer',
  'complaint',
  'compensation',
  'disposition'
] as const
export type CriticalItem = (typeof criticalItems)[number]

export const expectationsSchema = z.strictObject({
  offer: z
    .strictObject({
      node: nodeIdSchema,
      /** The product code, when the trainee must offer that one and no other. */
      product: z
        .string()
        .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/)
        .optional(),
      outcome: z.enum(offerAnswers)
    })
    .optional(),
  complaint: z
    .strictObject({
      category: z.enum(complaintCategories),
      /** The complaint's quality dimension (domain/quality-dimensions.ts), as the complaint form records it. */
      dimension: z.enum(qualityDimensions)
    })
    .optional(),
  compensation: z
    .strictObject({
      type: z.enum(compensationTypes).optional(),
      /** The agent's authority for this persona: a grant above it fails the item. */
      maxAmount: z.number().min(0),
      currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    })
    .optional(),
  disposition: slugSchema
})
export type Expectations = z.infer<typeof expectationsSchema>

export const DEFAULT_PASS_THRESHOLD = 80

/** A path segment of the scenario routes already (`/api/practice-scenarios/audio/:key`). */
export const RESERVED_SCENARIO_IDS: readonly string[] = ['audio']

export const scenarioSchema = z.strictObject({
  id: slugSchema.refine(
    (id) => !RESERVED_SCENARIO_IDS.includes(id),
    'this id is reserved by the server (its routes use it); choose another'
  ),
  version: z.int().min(1),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  persona: personaSchema,
  script: z.strictObject({ id: z.string(), version: z.int().min(1) }),
  /** Every node the run should pass, branches included (the run record lists them too). */
  expectedPath: z.array(nodeIdSchema).min(1).max(500),
  customer: customerSchema,
  /** Steps the trainee must not skip: reached, and confirmed where the script makes them mandatory. */
  mandatorySteps: z.array(nodeIdSchema).max(100).default([]),
  /** Seconds the trainee should spend at most on a step. */
  timeTargets: z.record(z.string(), z.int().min(1).max(3600)).default({}),
  expectations: expectationsSchema,
  passThreshold: z.int().min(0).max(100).default(DEFAULT_PASS_THRESHOLD),
  critical: z.array(z.enum(criticalItems)).max(criticalItems.length).default([])
})
export type Scenario = z.infer<typeof scenarioSchema>

/** Where a scenario names its script version; the caller resolves it (bundled files, the server). */
export type ScriptLookup = (id: string, version: number) => Script | undefined
