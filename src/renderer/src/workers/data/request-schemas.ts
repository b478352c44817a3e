/**
 * Zod schemas for every request the page may send: the worker validates at its edge and trusts
 * the typed values inside.
 */
import { z } from 'zod'

import type { WorkerArgs, WorkerRequestName } from '@shared/contract/worker'
import { agentStateInputSchema } from '@shared/domain/agent-state'
import { callbackScheduleInputSchema } from '@shared/domain/callback'
import { complaintDetailsSchema } from '@shared/domain/complaint'
import { editableComplaintFields, editableValuesSchema } from '@shared/domain/complaint-edit'
import { complaintFilterSchema } from '@shared/domain/complaint-filter'
import { lifecycleActions } from '@shared/domain/complaint-lifecycle'
import { currencySchema } from '@shared/domain/compensation'
import {
  compensationAmountSchema,
  compensationDecisions,
  compensationStatuses
} from '@shared/domain/compensation-record'
import { compensationTypes, configCodeSchema } from '@shared/domain/configuration'
import { languages } from '@shared/domain/customer'
import { dispositionInputSchema } from '@shared/domain/disposition'
import { interactionRecordInputSchema } from '@shared/domain/interaction'
import { scriptRunRecordInputSchema } from '@shared/domain/script-run'
import { sessionUserSchema } from '@shared/domain/user'

const empty = z.object({}).strict()
const limit = z.number().int().min(1).max(500)

/** Message envelope, page → worker. */
export const inboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('request'),
    id: z.number().int(),
    name: z.string(),
    args: z.unknown()
  }),
  z.object({
    kind: z.literal('durable-reply'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({
        ok: z.literal(false),
        error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
      })
    ])
  })
])

export const requestSchemas = {
  'session:open': z.object({
    user: sessionUserSchema,
    serverUrl: z.url({ protocol: /^https?$/ }),
    tokens: z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) }),
    storage: z.enum(['opfs', 'desktop']).default('opfs')
  }),
  'session:close': empty,
  'customer:match': z.object({
    callerNumber: z.string().max(256),
    ctiCustomerId: z.string().max(128).nullable(),
    // Header values are hostile: bounded here, and over-long ones are skipped by the matcher.
    ctiIds: z.array(z.string().max(1024)).max(16).optional(),
    defaultCountry: z.string().regex(/^[A-Z]{2}$/),
    online: z.boolean().optional()
  }),
  'customer:create': z.object({
    firstName: z.string().trim().min(1).max(120),
    lastName: z.string().trim().max(120),
    phoneE164: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .nullable(),
    email: z.email().max(254).nullable(),
    preferredLanguage: z.enum(languages)
  }),
  'customer:get': z.object({ id: z.string().max(128) }),
  'customer:search': z.object({
    query: z.string().max(256),
    limit,
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional()
  }),
  'complaint:create': z
    .object({
      customerId: z.uuid().nullable(),
      callId: z.string().max(128).nullable(),
      category: configCodeSchema,
      description: z.string().trim().min(3).max(4000)
    })
    .extend(complaintDetailsSchema.shape),
  'complaint:list': z.object({
    customerId: z.string().max(128).nullable(),
    limit,
    filter: complaintFilterSchema.optional()
  }),
  'complaint:transition': z.object({
    complaintId: z.uuid(),
    action: z.enum(lifecycleActions),
    note: z.string().trim().max(2000).nullable()
  }),
  'complaint:escalate': z.object({
    complaintId: z.uuid(),
    reason: z.string().trim().min(3).max(2000)
  }),
  'complaint:assign': z.object({ complaintId: z.uuid(), assigneeId: z.uuid() }),
  'complaint:analysis': z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    teamId: z.uuid().nullable()
  }),
  'compensation:grant': z.object({
    complaintId: z.uuid(),
    type: z.enum(compensationTypes),
    amount: compensationAmountSchema,
    currency: currencySchema,
    reason: z.string().trim().min(1).max(2000)
  }),
  'compensation:decide': z
    .object({
      compensationId: z.uuid(),
      decision: z.enum(compensationDecisions),
      reason: z.string().trim().max(2000)
    })
    .refine((a) => a.decision === 'approve' || a.reason.length > 0, {
      message: 'a rejection needs a reason',
      path: ['reason']
    }),
  'compensation:list': z.object({
    complaintId: z.uuid().nullable(),
    status: z.enum(compensationStatuses).nullable(),
    limit
  }),
  'complaint:update': z.object({
    complaintId: z.uuid(),
    before: editableValuesSchema,
    after: editableValuesSchema
  }),
  'complaint:resolveConflict': z.object({
    complaintId: z.uuid(),
    field: z.enum(editableComplaintFields),
    choice: z.enum(['theirs', 'mine'])
  }),
  'complaint:timeline': z.object({ complaintId: z.uuid() }),
  'complaint:note': z.object({ complaintId: z.uuid(), note: z.string().trim().min(1).max(2000) }),
  'interaction:record': interactionRecordInputSchema,
  'scriptRun:record': scriptRunRecordInputSchema,
  'script:analytics': z.object({
    scriptId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    version: z.int().min(1),
    practice: z.boolean()
  }),
  'interaction:list': z.object({ customerId: z.string().max(128).nullable(), limit }),
  'complaint:discard': z.object({ id: z.uuid() }),
  'agentState:record': agentStateInputSchema,
  'agentState:current': empty,
  'agentState:latest': empty,
  'disposition:record': dispositionInputSchema,
  'disposition:forCall': z.object({ callId: z.string().min(1).max(256) }),
  'callback:schedule': callbackScheduleInputSchema,
  'callback:complete': z.object({ id: z.uuid() }),
  'callback:mine': z.object({ limit }),
  'config:get': empty,
  'sync:status': empty,
  'sync:now': empty,
  'sync:problems': z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
  // Not a uuid: an older version's journal line may name its entry by any string.
  'sync:discard': z.object({ mutationId: z.string().min(1).max(1024) }).strict()
} satisfies { [K in WorkerRequestName]: z.ZodType<WorkerArgs<K>> }

export function isRequestName(name: string): name is WorkerRequestName {
  return Object.hasOwn(requestSchemas, name)
}
