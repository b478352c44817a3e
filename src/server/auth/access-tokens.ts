/** Short-lived access tokens: HS256 JWTs carrying the user id, role and team. */
import { createSecretKey } from 'node:crypto'

import { SignJWT, jwtVerify } from 'jose'
import { z } from 'zod'

import { roles, type Role } from '@shared/domain/user'

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

/**
 * Tokens already verified, with their expiry. Every sync request and pull carries the same token
 * for its 15 minutes; verifying the HMAC each time was a tenth of the server's CPU under load
 * (bench:sync). A hit needs the identical token string, so nothing forged can match.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { claims: AccessClaims; expiresAtMs: number }>()

  constructor(private readonly maxEntries: number) {}

  get(token: string, nowMs: number): AccessClaims | null {
    const entry = this.entries.get(token)
    if (!entry) return null
    if (entry.expiresAtMs > nowMs) return entry.claims
    this.entries.delete(token)
    return null
  }

  set(token: string, claims: AccessClaims, expiresAtMs: number): void {
    // Wholesale clearing keeps it simple; the next request of each client just verifies again.
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    this.entries.set(token, { claims, expiresAtMs })
  }
}

const VERIFIED_CACHE_SIZE = 20_000

/** Creates the issuer for a secret (at least 32 bytes). */
export function createAccessTokenIssuer(secret: Uint8Array, ttlSeconds: number): AccessTokenIssuer {
  if (secret.length < 32) throw new Error('The JWT secret must be at least 32 bytes')
  // A KeyObject made once, instead of jose importing the raw bytes on every call.
  const key = createSecretKey(secret)
  const verified = new VerifiedTokens(VERIFIED_CACHE_SIZE)
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
        .sign(key),
    async verify(token) {
      const cached = verified.get(token, Date.now())
      if (cached) return cached
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE
        })
        const parsed = payloadSchema.safeParse(payload)
        if (!parsed.success) return null
        const claims = { userId: parsed.data.sub, role: parsed.data.role, teamId: parsed.data.team }
        if (payload.exp !== undefined) verified.set(token, claims, payload.exp * 1000)
        return claims
      } catch {
        return null
      }
    }
  }
}
