/**
 * The sync protocol between the data worker and the central server.
 *
 * @remarks
 * Push: the client sends its outbox in order as `{ clientId, mutations: [{ id, name, args }] }`.
 * The server applies each mutation in its own transaction and records `(clientId, mutationId)`,
 * so a mutation re-sent after a timeout is applied exactly once; a repeat gets the stored result.
 * Every mutation gets a result: `applied`, or `rejected` with a reason the user sees.
 *
 * Pull: the server keeps one change log with a monotonic sequence. `GET /api/sync/pull?cursor=N`
 * returns the changes after N that the caller may see, in pages, with the new cursor. A realtime
 * `poke` over WebSocket tells clients to pull now.
 *
 * Any change to this file or to `src/shared/contract` needs a bump of {@link PROTOCOL_VERSION}.
 */
import { z } from 'zod'

import { errorCodes } from '../contract/errors'
import {
  agentStateForceArgsSchema,
  agentStateRecordArgsSchema,
  agentStateSchema
} from '../domain/agent-state'
import {
  callbackCompleteArgsSchema,
  callbackScheduleArgsSchema,
  callbackSchema
} from '../domain/callback'
import {
  compensationDecideArgsSchema,
  compensationGrantArgsSchema,
  compensationSchema,
  compensationStatuses
} from '../domain/compensation-record'
import { complaintCreateArgsSchema, complaintSchema } from '../domain/complaint'
import { practicePurgeSchema } from '../practice/practice-purge'
import { complaintUpdateArgsSchema, fieldConflictSchema } from '../domain/complaint-edit'
import { complaintEventSchema, complaintNoteArgsSchema } from '../domain/complaint-event'
import {
  complaintAssignArgsSchema,
  complaintEscalateArgsSchema
} from '../domain/complaint-ownership'
import { complaintTransitionArgsSchema } from '../domain/complaint-transition'
import {
  compensationLimitsSchema,
  complaintCategoryConfigSchema,
  directoryUserSchema,
  dispositionCodeSchema,
  floorAlertsSchema,
  pauseReasonSchema,
  teamSchema
} from '../domain/configuration'
import { customerSchema } from '../domain/customer'
import { customerCreateArgsSchema } from '../domain/customer-create'
import { directoryEntrySchema } from '../domain/directory'
import { dispositionRecordArgsSchema, dispositionSchema } from '../domain/disposition'
import { interactionRecordArgsSchema, interactionSchema } from '../domain/interaction'
import { publishedScriptSchema } from '../domain/published-script'
import { scriptRunRecordArgsSchema } from '../domain/script-run'
import {
  whisperAcknowledgeArgsSchema,
  whisperSchema,
  whisperSendArgsSchema
} from '../domain/whisper'
import {
  evaluationAcknowledgeArgsSchema,
  evaluationDisputeArgsSchema,
  evaluationReleaseArgsSchema,
  evaluationResolveArgsSchema,
  evaluationSaveArgsSchema,
  evaluationSchema,
  publishedFormSchema
} from '../evaluations/evaluation'
import { monitoringPolicySchema } from '../monitoring/monitoring-policy'
import { deskPresenceSchema } from '../presence/presence'
import { practiceSessionRecordArgsSchema } from '../practice/progress-api'
import { roleplayInvitationChangeSchema } from '../practice/roleplay'

/**
 * 8: the text rule (src/shared/text): free text is cleaned and identifiers refused by the schemas
 * on both ends; pushes are sized in bytes too.
 * 9: the colleague directory (`directory_entry`, centre-wide), and an interaction's `party`
 * (a call with a colleague is kept out of customer figures).
 * 10: live presence on the realtime socket (desks publish, leads receive the floor; a `tick`
 * keeps silent sockets detectable); `floor_alerts`, the floor's alert thresholds an admin sets
 * (configuration, centre-wide). Agent states: the server's `connection_lost` fact, a lead's
 * `agent_state.force`, and who set each record (`source`, `setBy`, `setByName`, `note`).
 * 10 also: visual whispers (`whisper.send`, `whisper.acknowledge`, change `whisper`, private to
 * the agent and the team's leads).
 * 11: monitoring (docs/monitoring.md): `monitoring_policy`, the admin's monitoring policy
 * (configuration, centre-wide); an interaction's `monitoredBy` (who monitored the call); the
 * monitoring requests (grants, redeem, mode, end, refusals, keys) beside the sync routes.
 * 12: evaluations (docs/evaluations.md): `evaluation.save|release|acknowledge|dispute|resolve`,
 * change `evaluation` (a draft private to its evaluator and the team's leads, the agent's from
 * release on; training ones in the practice scope), `evaluation_form` (published form versions,
 * centre-wide).
 * 13: the practice mark (docs/practice-scenarios.md): `complaint.create` and the complaint and
 * compensation rows carry `practice` and `personaId` (a practice record names its persona, never
 * a customer); practice complaints, their timeline and compensations are in the practice scope;
 * change `practice_purge` (shared), the tombstone after a trainer purged the practice data.
 * 14: practice progress (docs/practice-scenarios.md): `practice_session.record`, the scenario
 * version a finished practice call played; the server scores it from its own records.
 * 15: role-play invitations (docs/practice-scenarios.md): change `roleplay_invitation` (the
 * trainee's, in the practice scope), the poke to read the open invitations when the trainee dials.
 */
export const PROTOCOL_VERSION = 15
export const PROTOCOL_HEADER = 'x-atiende-protocol'

export const MAX_MUTATIONS_PER_PUSH = 200
/**
 * A push is also sized in bytes (UTF-8 JSON of its mutations): half the server's 1 MiB body limit,
 * so the envelope and any growth fit, yet 200 long complaints never loop on 413. A single mutation
 * larger than this still goes, alone.
 */
export const MAX_PUSH_BYTES = 512 * 1024
export const MAX_PULL_LIMIT = 5000
export const DEFAULT_PULL_LIMIT = 1000

export const mutationSchema = z.discriminatedUnion('name', [
  z.object({ id: z.uuid(), name: z.literal('complaint.create'), args: complaintCreateArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('complaint.transition'),
    args: complaintTransitionArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('complaint.note'), args: complaintNoteArgsSchema }),
  z.object({ id: z.uuid(), name: z.literal('complaint.update'), args: complaintUpdateArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('complaint.escalate'),
    args: complaintEscalateArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('complaint.assign'),
    args: complaintAssignArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('compensation.grant'),
    args: compensationGrantArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('compensation.decide'),
    args: compensationDecideArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('customer.create'), args: customerCreateArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('interaction.record'),
    args: interactionRecordArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('script_run.record'), args: scriptRunRecordArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('practice_session.record'),
    args: practiceSessionRecordArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('agent_state.record'),
    args: agentStateRecordArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('agent_state.force'), args: agentStateForceArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('disposition.record'),
    args: dispositionRecordArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('callback.schedule'),
    args: callbackScheduleArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('callback.complete'),
    args: callbackCompleteArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('whisper.send'), args: whisperSendArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('whisper.acknowledge'),
    args: whisperAcknowledgeArgsSchema
  }),
  z.object({ id: z.uuid(), name: z.literal('evaluation.save'), args: evaluationSaveArgsSchema }),
  z.object({
    id: z.uuid(),
    name: z.literal('evaluation.release'),
    args: evaluationReleaseArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('evaluation.acknowledge'),
    args: evaluationAcknowledgeArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('evaluation.dispute'),
    args: evaluationDisputeArgsSchema
  }),
  z.object({
    id: z.uuid(),
    name: z.literal('evaluation.resolve'),
    args: evaluationResolveArgsSchema
  })
])
export type Mutation = z.infer<typeof mutationSchema>
export type MutationName = Mutation['name']
export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>

/**
 * The push body is checked in two steps: the envelope strictly, each mutation on its own, so one
 * malformed mutation is rejected with its reason while the others are still applied.
 */
export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: z.uuid(),
  mutations: z
    .array(z.object({ id: z.uuid(), name: z.string().max(64), args: z.unknown() }))
    .min(1)
    .max(MAX_MUTATIONS_PER_PUSH)
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export const mutationRejectionSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional()
})

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.uuid(),
    status: z.literal('applied'),
    /**
     * For `compensation.grant` and `compensation.decide`: the compensation's status as the
     * server decided it (a grant the client thought within authority may be `pending`).
     */
    compensation: z.enum(compensationStatuses).optional()
  }),
  z.object({ id: z.uuid(), status: z.literal('rejected'), reason: mutationRejectionSchema }),
  /**
   * `complaint.update` only: the fields nobody else touched were applied; these ones someone
   * else changed to another value meanwhile, so the server kept theirs and the user chooses.
   */
  z.object({
    id: z.uuid(),
    status: z.literal('conflict'),
    complaintId: z.uuid(),
    conflicts: z.array(fieldConflictSchema).min(1)
  })
])
export type MutationResult = z.infer<typeof mutationResultSchema>

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  cursor: z.number().int().min(0)
})
export type PushResponse = z.infer<typeof pushResponseSchema>

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT)
})
export type PullQuery = z.infer<typeof pullQuerySchema>

export const changeSchema = z.discriminatedUnion('entity', [
  z.object({ seq: z.number().int(), entity: z.literal('customer'), data: customerSchema }),
  z.object({ seq: z.number().int(), entity: z.literal('complaint'), data: complaintSchema }),
  z.object({
    seq: z.number().int(),
    entity: z.literal('complaint_event'),
    data: complaintEventSchema
  }),
  z.object({ seq: z.number().int(), entity: z.literal('compensation'), data: compensationSchema }),
  z.object({ seq: z.number().int(), entity: z.literal('interaction'), data: interactionSchema }),
  z.object({ seq: z.number().int(), entity: z.literal('agent_state'), data: agentStateSchema }),
  z.object({ seq: z.number().int(), entity: z.literal('disposition'), data: dispositionSchema }),
  // A callback is sent whole on every change (scheduled, done): the latest wins.
  z.object({ seq: z.number().int(), entity: z.literal('callback'), data: callbackSchema }),
  // A whisper is sent whole on every change (sent, acknowledged): the latest wins.
  z.object({ seq: z.number().int(), entity: z.literal('whisper'), data: whisperSchema }),
  // A role-play invitation opened, taken or withdrawn: the trainee's desk reads its invitations.
  z.object({
    seq: z.number().int(),
    entity: z.literal('roleplay_invitation'),
    data: roleplayInvitationChangeSchema
  }),
  // A tombstone: every desk drops the practice rows it pulled (see practice/practice-purge.ts).
  z.object({
    seq: z.number().int(),
    entity: z.literal('practice_purge'),
    data: practicePurgeSchema
  }),
  // Configuration, read-only on clients: the latest change of each code (or id) wins.
  z.object({
    seq: z.number().int(),
    entity: z.literal('disposition_code'),
    data: dispositionCodeSchema
  }),
  z.object({ seq: z.number().int(), entity: z.literal('pause_reason'), data: pauseReasonSchema }),
  z.object({
    seq: z.number().int(),
    entity: z.literal('complaint_category'),
    data: complaintCategoryConfigSchema
  }),
  z.object({
    seq: z.number().int(),
    entity: z.literal('compensation_limits'),
    data: compensationLimitsSchema
  }),
  z.object({ seq: z.number().int(), entity: z.literal('floor_alerts'), data: floorAlertsSchema }),
  z.object({
    seq: z.number().int(),
    entity: z.literal('monitoring_policy'),
    data: monitoringPolicySchema
  }),
  z.object({ seq: z.number().int(), entity: z.literal('user'), data: directoryUserSchema }),
  z.object({ seq: z.number().int(), entity: z.literal('team'), data: teamSchema }),
  // The colleague directory, centre-wide and read-only on desks: the latest entry of a user wins.
  z.object({
    seq: z.number().int(),
    entity: z.literal('directory_entry'),
    data: directoryEntrySchema
  }),
  z.object({ seq: z.number().int(), entity: z.literal('script'), data: publishedScriptSchema }),
  // An evaluation is sent whole on every change (saved, released, disputed…): the latest wins.
  z.object({ seq: z.number().int(), entity: z.literal('evaluation'), data: evaluationSchema }),
  // A published evaluation form version (configuration, centre-wide; retiring it sends it again).
  z.object({
    seq: z.number().int(),
    entity: z.literal('evaluation_form'),
    data: publishedFormSchema
  })
])
export type Change = z.infer<typeof changeSchema>

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean()
})
export type PullResponse = z.infer<typeof pullResponseSchema>

/**
 * A pull page as a client reads it: the envelope strictly, each change left to be parsed on its
 * own, so one change this build cannot read never makes a whole page (and the pull) fail.
 */
export const pullEnvelopeSchema = z.object({
  changes: z.array(z.unknown()),
  cursor: z.number().int().min(0),
  hasMore: z.boolean()
})
export type PullEnvelope = z.infer<typeof pullEnvelopeSchema>

/**
 * Messages the server sends on the realtime WebSocket (`/api/realtime`). A floor message is
 * parsed per entry by the client (`floorEntrySchema`), so one entry this build cannot read never
 * hides the rest of the floor.
 */
export const realtimeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poke'), cursor: z.number().int() }),
  z.object({ type: z.literal('hello'), protocolVersion: z.number().int() }),
  /** Sent every `SERVER_TICK_MS`: a client that hears nothing for longer knows its socket is dead. */
  z.object({ type: z.literal('tick') }),
  /** The whole floor the client may see (at connection), then one entry per change. */
  z.object({ type: z.literal('floor'), entries: z.array(z.unknown()) }),
  z.object({ type: z.literal('floor:entry'), entry: z.unknown() })
])
export type RealtimeMessage = z.infer<typeof realtimeMessageSchema>

/** Messages a client sends on the realtime WebSocket. */
export const realtimeClientMessageSchema = z.discriminatedUnion('type', [
  /** The desk's presence, changed or not: it doubles as the heartbeat. */
  z.object({ type: z.literal('presence'), presence: deskPresenceSchema }),
  /** The agent signed out: the floor shows them offline, not lost. */
  z.object({ type: z.literal('presence:leave') })
])
export type RealtimeClientMessage = z.infer<typeof realtimeClientMessageSchema>
