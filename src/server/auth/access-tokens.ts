/** Short-lived access tokens: HS256 JWTs carrying the user id, role and team. */
import { SignJWT, jwtVerify } from 'jose'
import { z } from 'zod'

import { roles, type Role } from '../../shared/domain/user'

export interface AccessClaims {
  userId: string
  role: Role
  teamId: string | null
}

export interface AccessTokenIssuer {
  /** Lifetime of new tokens in seconds. */
  readonly ttlSeconds: number
  sign(claims: AccessClaims): Promise<string>
  /** The claims of a valid token, or null when it is forged, expired or malformed. */
  verify(token: string): Promise<AccessClaims | null>
}

export const ACCESS_TOKEN_ISSUER = 'atiende'
export const ACCESS_TOKEN_AUDIENCE = 'atiende-api'

const payloadSchema = z.object({
  sub: z.uuid(),
  role: z.enum(roles),
  team: z.uuid().nullable()
})

/** Creates the issuer for a secret (at least 32 bytes). */
export function createAccessTokenIssuer(secret: Uint8Array, ttlSeconds: number): AccessTokenIssuer {
  if (secret.length < 32) throw new Error('The JWT secret must be at least 32 bytes')
  return {
    ttlSeconds,
    sign: (claims) =>
      new SignJWT({ role: claims.role, team: claims.teamId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(secret),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ['HS256'],
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE
        })
        const parsed = payloadSchema.safeParse(payload)
        if (!parsed.success) return null
        return { userId: parsed.data.sub, role: parsed.data.role, teamId: parsed.data.team }
      } catch {
        return null
      }
    }
  }
}
