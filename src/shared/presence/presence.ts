/**
 * Live presence: what a desk shows its team's leads about itself right now (state, the call and
 * its customer, the script step, wrap-up, phone health, a raised hand). It is ephemeral: it
 * travels on the realtime WebSocket, is never written to the change log, and expires when the
 * desk stops sending it (docs/live-floor.md). The durable facts (agent states, calls,
 * dispositions) keep syncing as records.
 */
import { z } from 'zod'

import { valueTiers } from '../domain/customer'
import { lineText, identifierText } from '../text/text-schemas'

/** A desk sends its presence at least this often, changed or not: it is the heartbeat. */
export const PRESENCE_BEAT_MS = 8_000
/**
 * A desk not heard from for this long is "connection lost". Three beats fit in it, so one
 * late or lost frame never flaps a desk; the sweep runs every second, so a silent desk shows
 * lost within 30 s of its last frame.
 */
export const PRESENCE_EXPIRY_MS = 26_000
/** The server says something to every client at least this often (see {@link SERVER_TICK}). */
export const SERVER_TICK_MS = 10_000
/**
 * A client that hears nothing for this long treats its socket as dead (a silently dropped
 * connection never closes by itself) and reconnects; a lead's floor says it is out of date.
 */
export const CLIENT_SILENCE_MS = 25_000

/** The states a floor shows; `connection_lost` is the server's, never a desk's. */
export const presenceStates = ['ready', 'not_ready', 'on_call', 'wrap_up'] as const
export type PresenceState = (typeof presenceStates)[number]

const shortText = (max: number) => lineText().max(max)

export const presenceCallSchema = z.strictObject({
  /** The call's id on the desk: the interaction record of the call has the same id. */
  id: identifierText().max(100),
  direction: z.enum(['inbound', 'outbound']),
  practice: z.boolean(),
  /** As signalled; shown as text. */
  number: shortText(80),
  /** Who the desk's card shows: a customer, a colleague, or nobody matched yet. */
  party: z.enum(['customer', 'colleague', 'unknown']),
  customerId: identifierText().max(100).nullable(),
  name: shortText(120).nullable(),
  valueTier: z.enum(valueTiers).nullable(),
  phase: z.enum(['ringing', 'dialing', 'connecting', 'active', 'held']),
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  /** Calls the desk has besides this one (held, waiting). */
  otherLines: z.int().min(0).max(20)
})
export type PresenceCall = z.infer<typeof presenceCallSchema>

export const presenceScriptSchema = z.strictObject({
  scriptId: identifierText().max(100),
  version: z.int().min(1),
  nodeId: identifierText().max(100),
  stepTitle: shortText(160).nullable(),
  /** The script's named jumps (e.g. the retention offer): where a lead may send the agent. */
  jumps: z.array(z.strictObject({ id: identifierText().max(100), label: shortText(120) })).max(30)
})
export type PresenceScript = z.infer<typeof presenceScriptSchema>

/** What a desk publishes; the agent, team and time heard are the server's to add. */
export const deskPresenceSchema = z.strictObject({
  state: z.enum(presenceStates),
  pauseReason: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .nullable(),
  /** When the state began, by the desk's clock. */
  since: z.iso.datetime(),
  /** A pause follows the call (the agent chose it during the call). */
  pauseAfterCall: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .nullable(),
  call: presenceCallSchema.nullable(),
  script: presenceScriptSchema.nullable(),
  /** Wrap-up start, while in wrap-up. */
  wrapUpSince: z.iso.datetime().nullable(),
  phone: z.strictObject({
    /** `unconfigured`: practice calls only, not a problem. */
    line: z.enum(['unconfigured', 'registered', 'connecting', 'unregistered', 'stopped']),
    problems: z.array(z.enum(['not_registered', 'microphone_denied', 'no_microphone'])).max(3)
  }),
  lastDisposition: z
    .strictObject({ code: identifierText().max(60), at: z.iso.datetime() })
    .nullable(),
  /** The last call that rang here and ended unanswered (the floor's "missed call" alert). */
  lastMissedCallAt: z.iso.datetime().nullable(),
  handRaisedAt: z.iso.datetime().nullable(),
  /** The desk's clock when it published: the floor corrects for skew with it. */
  sentAt: z.iso.datetime()
})
export type DeskPresence = z.infer<typeof deskPresenceSchema>

/** One agent on a lead's floor, as the server fans it out. */
export const floorEntrySchema = z.strictObject({
  agentId: z.uuid(),
  teamId: z.uuid(),
  /** `lost`: not heard from for {@link PRESENCE_EXPIRY_MS}; `presence` is the last one heard. */
  status: z.enum(['live', 'lost', 'offline']),
  /** The server's clock when it last heard the desk. */
  heardAt: z.iso.datetime(),
  presence: deskPresenceSchema
})
export type FloorEntry = z.infer<typeof floorEntrySchema>
