/** Reads users as the API shows them. */
import type { SessionUser } from '@shared/domain/user'
import { roles, type Role } from '@shared/domain/user'
import type { Queryable } from '../db/db'

interface UserRow {
  id: string
  username: string
  display_name: string
  role: string
  team_id: string | null
  password_hash: string
}

export interface UserWithHash {
  user: SessionUser
  passwordHash: string
}

function isRole(value: string): value is Role {
  return roles.some((r) => r === value)
}

function toSessionUser(row: UserRow): SessionUser {
  if (!isRole(row.role)) throw new Error(`Unknown role ${row.role} for user ${row.id}`)
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id
  }
}

const SELECT_USER = 'SELECT id, username, display_name, role, team_id, password_hash FROM users'

/** The user with this username (case-insensitive) and their password hash, or null. */
export async function findUserByUsername(
  db: Queryable,
  username: string
): Promise<UserWithHash | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE username = $1`, [
    username.trim().toLowerCase()
  ])
  const row = rows[0]
  return row ? { user: toSessionUser(row), passwordHash: row.password_hash } : null
}

/** The user with this id, or null. */
export async function findUserById(db: Queryable, id: string): Promise<SessionUser | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE id = $1`, [id])
  const row = rows[0]
  return row ? toSessionUser(row) : null
}
