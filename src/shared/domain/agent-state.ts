/**
 * Agent state records: every change of an agent's state (Ready, Not Ready with a pause reason,
 * On call, Wrap-up, Logged out), timestamped on the agent's machine and synced, so leads see
 * the team live and occupancy or handle time come from facts.
 */
import { z } from 'zod'

export const agentStates = ['ready', 'not_ready', 'on_call', 'wrap_up', 'logged_out'] as const
export type AgentStateName = (typeof agentStates)[number]

/** A pause reason code as configured on the server (`pause_reasons.code`). */
export const pauseReasonCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

const agentStateFieldsSchema = z.object({
  state: z.enum(agentStates),
  /** Only with `not_ready`; null otherwise. */
  pauseReason: pauseReasonCodeSchema.nullable(),
  /** When the agent entered the state, by the agent's clock. */
  since: z.iso.datetime()
})

type AgentStateFields = z.infer<typeof agentStateFieldsSchema>
const consistent = <T extends z.ZodType<AgentStateFields>>(schema: T) =>
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

/** The server's record: the agent and team come from the access token. */
export const agentStateSchema = z.object({
  id: z.uuid(),
  state: z.enum(agentStates),
  pauseReason: pauseReasonCodeSchema.nullable(),
  since: z.iso.datetime(),
  agentId: z.uuid(),
  teamId: z.uuid(),
  receivedAt: z.string()
})
export type AgentState = z.infer<typeof agentStateSchema>
