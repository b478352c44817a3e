/**
 * Rotating refresh tokens. Only a SHA-256 of each token is stored. A token works once; using it
 * again means it leaked, so the whole family (every token descended from one login) is revoked.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'

import type { Db, Queryable } from '../db/db'
import { writeAudit } from './audit-log'

export type RotationOutcome =
  | { kind: 'rotated'; userId: string; refreshToken: string }
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string; familyId: string }

interface TokenRow {
  family_id: string
  user_id: string
  expired: boolean
  used_at: Date | null
  revoked_at: Date | null
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Stores a new token in `familyId` (a new family when omitted) and returns the raw token. */
export async function issueRefreshToken(
  db: Queryable,
  userId: string,
  ttlSeconds: number,
  familyId: string = randomUUID()
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(token), familyId, userId, ttlSeconds]
  )
  return token
}

async function revokeFamily(db: Queryable, familyId: string): Promise<void> {
  await db.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId]
  )
}

/**
 * Exchanges a refresh token for a new one in the same family.
 *
 * @remarks The `used_at IS NULL` guard in the UPDATE makes two concurrent uses of one token
 * resolve to one rotation and one reuse.
 */
export async function rotateRefreshToken(
  db: Db,
  token: string,
  ttlSeconds: number,
  ip: string
): Promise<RotationOutcome> {
  const outcome = await db.transaction(async (tx): Promise<RotationOutcome> => {
    const rows = await tx.query<TokenRow>(
      `UPDATE refresh_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       RETURNING family_id, user_id, false AS expired, used_at, revoked_at`,
      [hashToken(token)]
    )
    const row = rows[0]
    if (row) {
      const next = await issueRefreshToken(tx, row.user_id, ttlSeconds, row.family_id)
      return { kind: 'rotated', userId: row.user_id, refreshToken: next }
    }
    return classifyUnusable(tx, token)
  })
  if (outcome.kind === 'reused') {
    await revokeFamily(db, outcome.familyId)
    await writeAudit(db, {
      action: 'auth.refresh_reuse_detected',
      actorId: outcome.userId,
      target: `refresh_family:${outcome.familyId}`,
      ip
    })
  }
  return outcome
}

async function classifyUnusable(tx: Queryable, token: string): Promise<RotationOutcome> {
  const rows = await tx.query<TokenRow>(
    `SELECT family_id, user_id, expires_at <= now() AS expired, used_at, revoked_at
     FROM refresh_tokens WHERE token_hash = $1`,
    [hashToken(token)]
  )
  const row = rows[0]
  if (!row || row.revoked_at !== null || row.expired || row.used_at === null) {
    return { kind: 'invalid' }
  }
  return { kind: 'reused', userId: row.user_id, familyId: row.family_id }
}

/** Revokes the family of `token` (logout); returns the user id when the token was known. */
export async function revokeRefreshToken(db: Queryable, token: string): Promise<string | null> {
  const rows = await db.query<{ family_id: string; user_id: string }>(
    'SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1',
    [hashToken(token)]
  )
  const row = rows[0]
  if (!row) return null
  await revokeFamily(db, row.family_id)
  return row.user_id
}
