/**
 * Access tokens a forger can make without the server's key: signed with another key, `alg:
 * none`, garbage; and tokens signed with the right key that must still fail (expired, not yet
 * valid, another audience, claims that are not a user).
 */
import { SignJWT, type JWTPayload } from 'jose'

import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@server/auth/access-tokens'

export interface ForgedToken {
  label: string
  token: string
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function sign(
  key: Uint8Array,
  claims: JWTPayload,
  edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
  return edit(jwt).sign(key)
}

/** Forged and invalid tokens for a real user (`claims` as the server would sign them). */
export async function forgedTokens(
  serverKey: Uint8Array,
  claims: { sub: string; role: string; team: string | null }
): Promise<ForgedToken[]> {
  const otherKey = new TextEncoder().encode('another-secret-another-secret-another-42')
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    ...claims,
    iss: ACCESS_TOKEN_ISSUER,
    aud: ACCESS_TOKEN_AUDIENCE,
    iat: now,
    exp: now + 600
  }
  const valid = await sign(serverKey, claims)
  const [header = '', body = '', signature = ''] = valid.split('.')
  return [
    { label: 'signed with another key', token: await sign(otherKey, claims) },
    {
      label: 'alg none',
      token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`
    },
    {
      label: 'alg none with the real signature',
      token: `${base64url({ alg: 'none' })}.${body}.${signature}`
    },
    {
      label: 'payload swapped to admin, signature kept',
      token: `${header}.${base64url({ ...payload, role: 'admin', team: null })}.${signature}`
    },
    {
      label: 'HS512 with the real key',
      token: await new SignJWT(payload).setProtectedHeader({ alg: 'HS512' }).sign(serverKey)
    },
    {
      label: 'expired',
      token: await sign(serverKey, claims, (jwt) =>
        jwt.setIssuedAt(now - 7200).setExpirationTime(now - 3600)
      )
    },
    {
      label: 'not yet valid',
      token: await sign(serverKey, claims, (jwt) => jwt.setNotBefore(now + 3600))
    },
    {
      label: 'another audience',
      token: await sign(serverKey, claims, (jwt) => jwt.setAudience('someone-else'))
    },
    { label: 'role that is no role', token: await sign(serverKey, { ...claims, role: 'root' }) },
    {
      label: 'subject that is no uuid',
      token: await sign(serverKey, { ...claims, sub: 'x\u202e' })
    },
    { label: 'garbage', token: 'garbage' },
    { label: 'three empty parts', token: '..' },
    { label: 'base64 of nothing useful', token: 'e30.e30.e30' },
    { label: '100,000 characters', token: 'a'.repeat(100_000) }
  ]
}
