/**
 * Role-play over a real call (issue 20, item 4): the trainer plays the scenario's customer on a
 * SIP call to the trainee. The server issues the practice session as a signed token (Ed25519,
 * the keys monitoring grants are signed with, published at `/api/monitoring/keys`); the trainer's
 * INVITE carries it in {@link ROLEPLAY_HEADER}. The trainee's desk checks it before the call
 * rings (signature, expiry, this trainee), redeems it with the server once, and treats the call
 * as practice with the persona's card; anything else carrying the header is refused (403).
 *
 * In the incoming-call precedence it comes second, after a monitoring grant: a monitoring INVITE
 * is never a phone line, and a verified role-play is never a customer's or a colleague's call.
 *
 * Routes:
 * - `POST /api/training/roleplays` `{ traineeId, scenarioId, scenarioVersion }` (trainers: a
 *   trainee they follow; admins: any agent) → the session and its token.
 * - `POST /api/training/roleplays/redeem` `{ token, callId }` (the trainee's desk) → the claims;
 *   409 once redeemed, 403 for a token that is not the caller's or not the server's.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'
import { z } from 'zod'

import { identifierText } from '../text/text-schemas'
import { scenarioVersionParamsSchema } from './scenario-api'

export const ROLEPLAY_HEADER = 'X-Atiende-Practice-Session'
export const ROLEPLAY_TOKEN_TYPE = 'atiende-practice+jwt'
export const ROLEPLAY_ISSUER = 'atiende'
export const ROLEPLAY_ALG = 'EdDSA'
/** Long enough to dial, ring and answer; a session not redeemed by then is void. */
export const ROLEPLAY_TTL_SECONDS = 120
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
  })
})
export type RoleplayClaims = z.infer<typeof roleplayClaimsSchema>

export const roleplayRefusals = [
  'invalid_session',
  'expired',
  'not_for_this_desk',
  'already_used',
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
  scenarioVersion: z.int().min(1).max(2_147_483_647)
})
export type RoleplayIssueBody = z.infer<typeof roleplayIssueBodySchema>

export const roleplaySchema = z.object({
  id: z.uuid(),
  traineeId: z.uuid(),
  traineeName: z.string(),
  /** Where to call the trainee: their extension at the SIP domain; null without one. */
  traineeSipUri: z.string().nullable(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  expiresAt: z.string()
})
export type Roleplay = z.infer<typeof roleplaySchema>

export const roleplayIssuedSchema = z.object({ roleplay: roleplaySchema, token: z.string() })
export type RoleplayIssued = z.infer<typeof roleplayIssuedSchema>

/** Tokens are a few hundred bytes; anything far larger is not one. */
const MAX_TOKEN_LENGTH = 4096

export const roleplayRedeemBodySchema = z.strictObject({
  token: z.string().min(1).max(MAX_TOKEN_LENGTH),
  callId: identifierText().min(1).max(256)
})
export type RoleplayRedeemBody = z.infer<typeof roleplayRedeemBodySchema>

export const roleplayRedeemedSchema = z.object({ claims: roleplayClaimsSchema })

export type RoleplayCheck =
  { ok: true; claims: RoleplayClaims } | { ok: false; reason: RoleplayRefusal; unknownKey?: true }

/** Verifies a role-play token against `keys`, for `traineeId` at `now`; never throws. */
export async function verifyRoleplayToken(
  token: string,
  keys: JSONWebKeySet,
  expect: { traineeId: string; now: Date }
): Promise<RoleplayCheck> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid_session' }
  let payload: unknown
  try {
    const result = await jwtVerify(token, createLocalJWKSet(keys), {
      algorithms: [ROLEPLAY_ALG],
      issuer: ROLEPLAY_ISSUER,
      typ: ROLEPLAY_TOKEN_TYPE,
      clockTolerance: ROLEPLAY_CLOCK_SKEW_SECONDS,
      currentDate: expect.now,
      requiredClaims: ['exp', 'iat', 'jti', 'sub']
    })
    payload = result.payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return { ok: false, reason: 'invalid_session', unknownKey: true }
    }
    return { ok: false, reason: 'invalid_session' }
  }
  const parsed = roleplayClaimsSchema.safeParse(payload)
  if (!parsed.success) return { ok: false, reason: 'invalid_session' }
  const claims = parsed.data
  if (claims.iat > expect.now.getTime() / 1000 + ROLEPLAY_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'invalid_session' }
  }
  if (claims.sub !== expect.traineeId) return { ok: false, reason: 'not_for_this_desk' }
  return { ok: true, claims }
}
