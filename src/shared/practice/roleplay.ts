/**
 * Role-play over a real call (issue 20, item 4): the trainer plays the scenario's customer on a
 * SIP call with the trainee. The server issues the practice session as a signed token (Ed25519,
 * the keys monitoring grants are signed with, published at `/api/monitoring/keys`); the INVITE
 * carries it in {@link ROLEPLAY_HEADER}. Either side may dial ({@link RoleplayDirection}):
 * - `trainer_calls` (inbound scenarios): the trainer's INVITE carries it; the trainee's desk
 *   checks it before the call rings (signature, expiry, this trainee), redeems it with the server
 *   once, and treats the call as practice with the persona's card.
 * - `trainee_calls` (outbound scenarios: the agent calls the customer): the trainee's desk is
 *   invited (a `roleplay_invitation` change pokes it; it reads its open invitations, each with its
 *   token) and dials the trainer with it; the trainer's desk checks it (signature, expiry, this
 *   trainer, the session it is waiting for) and redeems it naming the call (one SIP session id on
 *   both sides), which is the trainee's side too.
 * Anything else carrying the header is refused (403).
 *
 * In the incoming-call precedence it comes second, after a monitoring grant: a monitoring INVITE
 * is never a phone line, and a verified role-play is never a customer's or a colleague's call.
 *
 * Routes:
 * - `POST /api/training/roleplays` `{ traineeId, scenarioId, scenarioVersion, direction? }`
 *   (trainers: a trainee they follow; admins: any agent) → the session, and the token when the
 *   trainer dials (the trainee's desk reads it from its invitations otherwise).
 * - `GET  /api/training/roleplays/invitations` (the trainee) → the open sessions where the
 *   trainee dials, each with its token and where to call the trainer.
 * - `DELETE /api/training/roleplays/:roleplayId` (its trainer) → withdraws an invitation not
 *   taken yet (204).
 * - `POST /api/training/roleplays/redeem` `{ token, callId }` (the desk that answers: the
 *   trainee's, or the trainer's when the trainee dials) → the claims; 409 once redeemed, 403 for
 *   a token that is not the caller's, not the server's, or withdrawn.
 * - `GET  /api/training/roleplays/:roleplayId/live` (its trainer; admins) → the session and the
 *   trainee's live presence (phase, script step): the floor's presence, widened to the trainer
 *   for the trainee they are calling, and only while the session lasts.
 * - `PUT  /api/training/roleplays/:roleplayId/feedback` `{ comment, notes }` (its trainer) → the
 *   feedback as stored; sent again, it replaces the last. The trainee reads it with their
 *   progress (`feedback` of `GET /api/training/me/progress`).
 */
import { z } from 'zod'

import { identifierText, multilineText } from '../text/text-schemas'
import { scenarioVersionParamsSchema } from './scenario-api'

export const ROLEPLAY_HEADER = 'X-Atiende-Practice-Session'
export const ROLEPLAY_TOKEN_TYPE = 'atiende-practice+jwt'
export const ROLEPLAY_ISSUER = 'atiende'
export const ROLEPLAY_ALG = 'EdDSA'
/** Long enough to dial, ring and answer; a session not redeemed by then is void. */
export const ROLEPLAY_TTL_SECONDS = 120
/** When the trainee dials, they first have to see the invitation and finish what they were doing. */
export const ROLEPLAY_INVITATION_TTL_SECONDS = 300

/** Who dials: the trainer (the customer calls in) or the trainee (the agent calls the customer). */
export const roleplayDirections = ['trainer_calls', 'trainee_calls'] as const
export type RoleplayDirection = (typeof roleplayDirections)[number]
export const ROLEPLAY_CLOCK_SKEW_SECONDS = 10

export const ROLEPLAYS_PATH = '/api/training/roleplays'

export const roleplayClaimsSchema = z.strictObject({
  iss: z.literal(ROLEPLAY_ISSUER),
  /** The session's id. */
  jti: z.uuid(),
  /** The trainee. */
  sub: z.uuid(),
  iat: z.number(),
  exp: z.number(),
  trainer: z.strictObject({ id: z.uuid(), name: z.string().max(200) }),
  scenario: z.strictObject({
    id: scenarioVersionParamsSchema.shape.scenarioId,
    version: z.int().min(1)
  }),
  /** Present when the trainee dials: the trainer's desk answers and redeems it, not the trainee's. */
  dir: z.literal('trainee_calls').optional()
})
export type RoleplayClaims = z.infer<typeof roleplayClaimsSchema>

export const roleplayRefusals = [
  'invalid_session',
  'expired',
  'not_for_this_desk',
  'already_used',
  'withdrawn',
  'server_unreachable'
] as const
export type RoleplayRefusal = (typeof roleplayRefusals)[number]

/** 403 (409 for a session already redeemed) with the reason. */
export const roleplayRefusedSchema = z.object({
  error: z.literal('roleplay_refused'),
  reason: z.enum(roleplayRefusals)
})

export const roleplayIssueBodySchema = z.strictObject({
  traineeId: z.uuid(),
  scenarioId: scenarioVersionParamsSchema.shape.scenarioId,
  scenarioVersion: z.int().min(1).max(2_147_483_647),
  direction: z.enum(roleplayDirections).default('trainer_calls')
})
export type RoleplayIssueBody = z.input<typeof roleplayIssueBodySchema>

export const roleplaySchema = z.object({
  id: z.uuid(),
  traineeId: z.uuid(),
  traineeName: z.string(),
  /** Where to call the trainee: their extension at the SIP domain; null without one. */
  traineeSipUri: z.string().nullable(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  expiresAt: z.string(),
  direction: z.enum(roleplayDirections)
})
export type Roleplay = z.infer<typeof roleplaySchema>

/** The token only when the trainer dials: when the trainee does, their desk reads it. */
export const roleplayIssuedSchema = z.object({
  roleplay: roleplaySchema,
  token: z.string().nullable()
})

/** An open session where the trainee dials, as the trainee's desk reads it. */
export const roleplayInvitationSchema = z.object({
  id: z.uuid(),
  trainerName: z.string(),
  /** Where to call the trainer: their extension at the SIP domain; null without one. */
  trainerSipUri: z.string().nullable(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  scenarioTitle: z.object({ es: z.string().optional(), en: z.string().optional() }),
  expiresAt: z.string(),
  token: z.string()
})
export type RoleplayInvitation = z.infer<typeof roleplayInvitationSchema>
export const roleplayInvitationsSchema = z.object({
  invitations: z.array(roleplayInvitationSchema)
})

/**
 * The change that pokes a trainee's desk when an invitation opens, is taken or is withdrawn: the
 * desk reads its invitations again (the token never travels in the change log).
 */
export const roleplayInvitationChangeSchema = z.object({ id: z.uuid(), traineeId: z.uuid() })

export const roleplayParamsSchema = z.object({ roleplayId: z.uuid() })

/** What the trainer's live view reads of the trainee while the role-play lasts. */
export const roleplayLiveSchema = z.object({
  roleplay: roleplaySchema.extend({
    redeemedAt: z.string().nullable(),
    /** The trainee's side of the call (what a training evaluation names), once redeemed. */
    traineeCallId: z.string().nullable()
  }),
  /** Null while the trainee's desk publishes nothing (offline, signed out). */
  trainee: z
    .object({
      state: z.enum(['ready', 'not_ready', 'on_call', 'wrap_up']),
      /** The call's phase when the trainee's front call is this role-play, else null. */
      phase: z.enum(['ringing', 'dialing', 'connecting', 'active', 'held']).nullable(),
      /** The step the trainee's script is on, during the role-play's call. */
      script: z.object({ scriptId: z.string(), version: z.number(), nodeId: z.string() }).nullable()
    })
    .nullable()
})
export type RoleplayLive = z.infer<typeof roleplayLiveSchema>

export const MAX_ROLEPLAY_NOTES = 50
export const roleplayNoteSchema = z.strictObject({
  /** The step of the scenario's script the note is about; null for the call as a whole. */
  nodeId: identifierText().min(1).max(64).nullable(),
  text: multilineText().trim().min(1).max(1000)
})
export const roleplayFeedbackBodySchema = z.strictObject({
  comment: multilineText().trim().max(4000),
  notes: z.array(roleplayNoteSchema).max(MAX_ROLEPLAY_NOTES)
})
export type RoleplayFeedbackBody = z.infer<typeof roleplayFeedbackBodySchema>

/** The trainer's feedback on one role-play, as the trainee reads it. */
export const roleplayFeedbackSchema = roleplayFeedbackBodySchema.extend({
  roleplayId: z.uuid(),
  trainerName: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  scenarioTitle: z.object({ es: z.string().optional(), en: z.string().optional() }),
  scriptId: z.string(),
  sentAt: z.string()
})
export type RoleplayFeedback = z.infer<typeof roleplayFeedbackSchema>
export type RoleplayIssued = z.infer<typeof roleplayIssuedSchema>

/** Tokens are a few hundred bytes; anything far larger is not one. */
export const MAX_ROLEPLAY_TOKEN_LENGTH = 4096

export const roleplayRedeemBodySchema = z.strictObject({
  token: z.string().min(1).max(MAX_ROLEPLAY_TOKEN_LENGTH),
  callId: identifierText().min(1).max(256)
})
export type RoleplayRedeemBody = z.infer<typeof roleplayRedeemBodySchema>

export const roleplayRedeemedSchema = z.object({ claims: roleplayClaimsSchema })
