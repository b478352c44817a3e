/**
 * A lead monitoring an agent's call (docs/monitoring.md): the modes, the grant the server signs for
 * the built-in method, the SIP signalling between the lead's app and the agent's app, and why a
 * session ends or is refused. Shared by the server, the data worker and the page.
 *
 * Built in: the lead's app asks the server for a grant (Ed25519 JWS), calls the agent's extension
 * with it in {@link MONITOR_GRANT_HEADER}; the agent's app verifies it, redeems it with the server
 * (once), answers without ringing and routes audio per mode (audio-routing.ts). Mode changes travel
 * in-dialog as SIP INFO with {@link MONITOR_INFO_CONTENT_TYPE}. With the PBX method the lead's app
 * dials the PBX's feature code instead and switches with its DTMF keys.
 */
import { z } from 'zod'

import { identifierText, lineText } from '../text/text-schemas'

/** listen: the lead hears both; whisper: the agent also hears the lead; barge: all hear all. */
export const monitorModes = ['listen', 'whisper', 'barge'] as const
export type MonitorMode = (typeof monitorModes)[number]
export const monitorModeSchema = z.enum(monitorModes)

/** The SIP header of the lead's INVITE that carries the signed grant (compact JWS). */
export const MONITOR_GRANT_HEADER = 'X-Atiende-Monitor-Grant'
/** The content type of the in-dialog INFO messages of a monitoring call, both ways. */
export const MONITOR_INFO_CONTENT_TYPE = 'application/x-atiende-monitor+json'
/** The JWS `typ` of a grant, so no other token of ours can pass for one. */
export const MONITOR_GRANT_TYPE = 'atiende-monitor+jwt'
export const MONITOR_GRANT_ISSUER = 'atiende'
/** A grant is for dialling now: the lead's app calls within seconds of receiving it. */
export const MONITOR_GRANT_TTL_SECONDS = 30
/** Clocks of desks and servers disagree a little; this much is forgiven on `exp`, `nbf`, `iat`. */
export const MONITOR_CLOCK_SKEW_SECONDS = 10

/** What a grant says, signed by the server (JWT claims; `sub` is the agent). */
export const monitorGrantClaimsSchema = z.strictObject({
  iss: z.literal(MONITOR_GRANT_ISSUER),
  /** The grant's id, also the monitoring session's id: redeemed once. */
  jti: z.uuid(),
  /** The monitored agent's user id. */
  sub: z.uuid(),
  /** The lead (or admin) who monitors. */
  lead: z.uuid(),
  leadName: lineText().min(1).max(120),
  /** The monitored call: the desk's call id (the interaction record's id), as on the floor. */
  call: identifierText().min(1).max(100),
  /** The mode the session starts in, and every mode the lead may switch to. */
  mode: monitorModeSchema,
  modes: z.array(monitorModeSchema).min(1).max(3),
  iat: z.int(),
  exp: z.int()
})
export type MonitorGrantClaims = z.infer<typeof monitorGrantClaimsSchema>

/** INFO bodies of a monitoring call: the lead switches mode; the agent's app says what the call does. */
export const monitorInfoSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mode'), mode: monitorModeSchema }),
  z.strictObject({
    type: z.literal('call'),
    /** The monitored call as the agent's app sees it: held by the agent, or back. */
    state: z.enum(['active', 'held'])
  })
])
export type MonitorInfo = z.infer<typeof monitorInfoSchema>

/** Why a monitoring session ended; carried in the BYE's Reason text, shown to the lead. */
export const monitorEndReasons = [
  /** The lead stopped. */
  'stopped',
  /** The monitored call ended (either party hung up). */
  'call_ended',
  /** The agent transferred the call away. */
  'transferred',
  /** The agent's app or the network failed. */
  'failed',
  /** The agent signed out or closed the app. */
  'agent_left'
] as const
export type MonitorEndReason = (typeof monitorEndReasons)[number]

/**
 * Why monitoring was refused, by the server (issuing or redeeming) or the agent's app (checking
 * the grant before anything else). The lead's app shows it; both sides log it.
 */
export const monitorRefusals = [
  /** Only leads of the agent's team and admins monitor. */
  'not_permitted',
  /** An admin has not allowed this mode to this role. */
  'mode_not_permitted',
  /** The agent is not on the floor or has no call now. */
  'agent_not_on_call',
  /** The agent's current call is not the one named. */
  'call_changed',
  /** A practice call has no audio to share. */
  'practice_call',
  /** Monitoring is done by the PBX here: no grants are issued. */
  'method_is_pbx',
  /** The signature does not verify with any of the server's keys. */
  'invalid_grant',
  'expired',
  /** The grant names another agent. */
  'not_for_this_desk',
  /** The grant was already redeemed once. */
  'already_used',
  /** The server has no such grant. */
  'unknown_grant',
  /** The desk could not reach the server to redeem it (nothing is answered unredeemed). */
  'server_unreachable',
  /** The desk is monitored by someone else already. */
  'already_monitored'
] as const
export type MonitorRefusal = (typeof monitorRefusals)[number]
export const monitorRefusalSchema = z.enum(monitorRefusals)

/** The SIP final response the agent's app refuses a monitoring INVITE with. */
export function refusalStatus(reason: MonitorRefusal): {
  statusCode: number
  reasonPhrase: string
} {
  switch (reason) {
    case 'agent_not_on_call':
    case 'call_changed':
      return { statusCode: 481, reasonPhrase: 'Monitored Call Does Not Exist' }
    case 'already_monitored':
      return { statusCode: 486, reasonPhrase: 'Already Monitored' }
    case 'server_unreachable':
      return { statusCode: 503, reasonPhrase: 'Grant Not Redeemed' }
    default:
      return { statusCode: 403, reasonPhrase: `Monitoring Refused (${reason})` }
  }
}

/** The refusal named in a SIP reason phrase written by {@link refusalStatus}, if any. */
export function refusalFromPhrase(phrase: string): MonitorRefusal | null {
  const named = /\(([a-z_]+)\)/.exec(phrase)?.[1]
  const parsed = monitorRefusalSchema.safeParse(named)
  if (parsed.success) return parsed.data
  if (/does not exist/i.test(phrase)) return 'call_changed'
  if (/already monitored/i.test(phrase)) return 'already_monitored'
  if (/not redeemed/i.test(phrase)) return 'server_unreachable'
  return null
}
