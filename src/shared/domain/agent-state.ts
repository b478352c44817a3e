/**
 * Agent state records: every change of an agent's state (Ready, Not Ready with a pause reason,
 * On call, Wrap-up, Logged out), timestamped on the agent's machine and synced, so leads see
 * the team live and occupancy or handle time come from facts. Two other writers add facts: the
 * server ("connection lost" when a desk goes silent) and a team lead forcing a state.
 */
import { z } from 'zod'

import { lineText } from '../text/text-schemas'

/** Every state a record may carry. `connection_lost` is written by the server only. */
export const agentStates = [
  'ready',
  'not_ready',
  'on_call',
  'wrap_up',
  'logged_out',
  'connection_lost'
] as const
export type AgentStateName = (typeof agentStates)[number]

/** The states a desk records for itself: never `connection_lost`, which is the server's fact. */
export const deskAgentStates = ['ready', 'not_ready', 'on_call', 'wrap_up', 'logged_out'] as const
export type DeskAgentStateName = (typeof deskAgentStates)[number]

/**
 * The states a lead may force: on a call and wrap-up belong to the phone (forcing them would lie
 * about a call), and logged out would strand a desk that is still signed in (docs/live-floor.md).
 */
export const forcibleAgentStates = ['ready', 'not_ready'] as const
export type ForcibleAgentState = (typeof forcibleAgentStates)[number]

/** Who wrote a record: the agent's desk, the server (a desk gone silent) or a team lead. */
export const agentStateSources = ['desk', 'system', 'lead'] as const
export type AgentStateSource = (typeof agentStateSources)[number]

/** A pause reason code as configured on the server (`pause_reasons.code`). */
export const pauseReasonCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

/** What a lead typed when forcing a state: one line, short. */
export const forceNoteSchema = lineText().trim().max(200)

const agentStateFieldsSchema = z.object({
  state: z.enum(deskAgentStates),
  /** Only with `not_ready`; null otherwise. */
  pauseReason: pauseReasonCodeSchema.nullable(),
  /** When the agent entered the state, by the agent's clock. */
  since: z.iso.datetime()
})

interface StateAndReason {
  state: AgentStateName
  pauseReason: string | null
}
const consistent = <T extends z.ZodType<StateAndReason>>(schema: T) =>
  schema.refine(
    (r) => r.pauseReason === null || r.state === 'not_ready',
    'only not_ready carries a pause reason'
  )

/** What the page hands the data worker on a state change. */
export const agentStateInputSchema = consistent(agentStateFieldsSchema)
export type AgentStateInput = z.infer<typeof agentStateInputSchema>

/** The `agent_state.record` mutation: the id makes a re-sent record the same record. */
export const agentStateRecordArgsSchema = consistent(
  agentStateFieldsSchema.extend({ id: z.uuid() })
)
export type AgentStateRecordArgs = z.infer<typeof agentStateRecordArgsSchema>

const forceFieldsSchema = z.object({
  agentId: z.uuid(),
  state: z.enum(forcibleAgentStates),
  pauseReason: pauseReasonCodeSchema.nullable(),
  note: forceNoteSchema.nullable(),
  /** When the lead forced it, by the lead's clock. */
  since: z.iso.datetime()
})
const forceConsistent = <T extends z.ZodType<StateAndReason>>(schema: T) =>
  schema.refine(
    (r) => (r.state === 'not_ready') === (r.pauseReason !== null),
    'not_ready needs a pause reason, and only not_ready carries one'
  )

/** What the lead's page hands the data worker to force an agent's state. */
export const agentStateForceInputSchema = forceConsistent(forceFieldsSchema)
export type AgentStateForceInput = z.infer<typeof agentStateForceInputSchema>

/** The `agent_state.force` mutation: a lead (or an admin) sets a team agent's state. */
export const agentStateForceArgsSchema = forceConsistent(forceFieldsSchema.extend({ id: z.uuid() }))
export type AgentStateForceArgs = z.infer<typeof agentStateForceArgsSchema>

/**
 * Who set a record and why, as every record carries it. Records logged before these fields
 * existed were all the desk's own.
 */
const attributionSchema = z.object({
  source: z.enum(agentStateSources).default('desk'),
  /** The lead or admin who forced it; null otherwise. */
  setBy: z.uuid().nullable().default(null),
  /** Their display name when they forced it, for the agent's notice; null otherwise. */
  setByName: lineText().max(200).nullable().default(null),
  /** What the lead typed; null otherwise. */
  note: forceNoteSchema.nullable().default(null)
})

/** The server's record: the agent and team come from the access token (or the forced args). */
export const agentStateSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(agentStates),
    pauseReason: pauseReasonCodeSchema.nullable(),
    since: z.iso.datetime(),
    agentId: z.uuid(),
    teamId: z.uuid(),
    receivedAt: z.string()
  })
  .extend(attributionSchema.shape)
export type AgentState = z.infer<typeof agentStateSchema>

/** A record as a client keeps it: any writer's, any state (the server's facts included). */
export const agentStateLocalRecordSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(agentStates),
    pauseReason: pauseReasonCodeSchema.nullable(),
    since: z.iso.datetime()
  })
  .extend(attributionSchema.shape)
export type AgentStateLocalRecord = z.infer<typeof agentStateLocalRecordSchema>
