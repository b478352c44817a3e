/**
 * The server's monitoring API (docs/monitoring.md), its bodies and replies as zod schemas: the
 * server validates with them, the data worker parses replies with them.
 *
 * - `POST /api/monitoring/grants` (lead, admin) {@link monitorStartBodySchema} → 201
 *   {@link monitorStartReplySchema}; 403 `{ error: 'monitoring_refused', reason }`.
 * - `POST /api/monitoring/redeem` (the grant's agent) `{ token }` → 200 {@link redeemReplySchema};
 *   403/409 `{ error: 'monitoring_refused', reason }` (409 for `already_used`).
 * - `POST /api/monitoring/sessions/:id/mode` (the session's lead) `{ mode }` → 200; 403 refused.
 * - `POST /api/monitoring/sessions/:id/end` (its lead or agent) `{ reason }` → 200, idempotent.
 * - `POST /api/monitoring/refusals` (an agent's desk) {@link refusalReportSchema} → 204: the desk
 *   refused a grant by itself (forged, expired, another desk's, another call's), for the audit.
 * - `GET /api/monitoring/keys` (any signed-in user) → `{ keys: JWK[] }`, the public keys grants
 *   are checked with (the current one and those retired within the last hour).
 * - `GET /api/admin/monitoring/sessions?limit=N` (admin) → `{ sessions: MonitoringSessionView[] }`.
 * - `POST /api/admin/monitoring/keys/rotate` (admin) → `{ kid }`.
 * - `PUT /api/admin/configuration/monitoring` (admin) the policy (monitoring-policy.ts), synced to
 *   every desk as the setting `monitoring_policy`.
 */
import { z } from 'zod'

import { identifierText, lineText } from '../text/text-schemas'
import {
  monitorEndReasons,
  monitorModeSchema,
  monitorRefusalSchema,
  monitorGrantClaimsSchema
} from './monitoring'
import { pbxSwitchKeySchema } from './monitoring-policy'

export const monitorStartBodySchema = z.strictObject({
  agentId: z.uuid(),
  /** The call the lead saw on the floor; refused when the agent's call is another by now. */
  callId: identifierText().min(1).max(100),
  mode: monitorModeSchema
})
export type MonitorStartBody = z.infer<typeof monitorStartBodySchema>

const startCommon = {
  sessionId: z.uuid(),
  mode: monitorModeSchema,
  modes: z.array(monitorModeSchema).min(1).max(3)
}

export const monitorStartReplySchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('builtin'),
    ...startCommon,
    /** The signed grant (compact JWS) to send in the INVITE's grant header. */
    token: z.string().min(1).max(4096),
    /** The agent's SIP address, e.g. `sip:1001@atiende.local`. */
    target: z.string().min(1).max(256),
    expiresAt: z.iso.datetime()
  }),
  z.strictObject({
    method: z.literal('pbx'),
    ...startCommon,
    /** What to dial: the PBX's feature code for `mode` with the agent's extension in it. */
    dialString: z.string().min(1).max(64),
    switchKeys: z.object({
      listen: pbxSwitchKeySchema,
      whisper: pbxSwitchKeySchema,
      barge: pbxSwitchKeySchema
    }),
    dtmfMethod: z.enum(['auto', 'rfc4733', 'info'])
  })
])
export type MonitorStartReply = z.infer<typeof monitorStartReplySchema>

export const redeemBodySchema = z.strictObject({ token: z.string().min(1).max(4096) })
export const redeemReplySchema = z.strictObject({ claims: monitorGrantClaimsSchema })

export const modeBodySchema = z.strictObject({ mode: monitorModeSchema })
export const endBodySchema = z.strictObject({ reason: z.enum(monitorEndReasons) })

export const refusalReportSchema = z.strictObject({
  reason: monitorRefusalSchema,
  /** The grant's id and lead when the token could be read at all (unverified: for the audit). */
  sessionId: z.uuid().nullable(),
  claimedLeadId: z.uuid().nullable(),
  /** Who called, as signalled (hostile, text only). */
  from: lineText().max(256)
})
export type RefusalReport = z.infer<typeof refusalReportSchema>

export const monitorRefusedReplySchema = z.object({
  error: z.literal('monitoring_refused'),
  reason: monitorRefusalSchema
})

/** One event of a session, for admins. */
export const monitoringEventViewSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['issued', 'redeemed', 'mode', 'ended', 'refused']),
  mode: monitorModeSchema.nullable(),
  /** The end reason or the refusal. */
  detail: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable()
})

export const monitoringSessionViewSchema = z.object({
  id: z.uuid(),
  method: z.enum(['builtin', 'pbx']),
  leadId: z.uuid(),
  leadName: z.string(),
  agentId: z.uuid(),
  agentName: z.string(),
  callId: z.string(),
  modes: z.array(monitorModeSchema),
  issuedAt: z.iso.datetime(),
  redeemedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endReason: z.string().nullable(),
  events: z.array(monitoringEventViewSchema)
})
export type MonitoringSessionView = z.infer<typeof monitoringSessionViewSchema>
