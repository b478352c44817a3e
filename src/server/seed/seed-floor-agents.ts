/**
 * Extra demo agents in team Norte, so a lead's live floor can be seen (and tested) full:
 * `ATIENDE_SEED_FLOOR_AGENTS=N` adds `floor01`…`floorNN` with the demo password. The names are
 * varied on purpose: accents, a very long one, and a hostile one that must show as text.
 *
 * Idempotent: only the usernames still missing are created, so a restart (or a second instance)
 * adds nobody twice, and raising N later adds the rest. Each new agent is published to the change
 * log under its team (as the configuration seed publishes users) so leads already synced pull
 * them; the colleague directory is published at every start anyway.
 */
import { randomUUID } from 'node:crypto'

import type { DirectoryUser } from '@shared/domain/configuration'
import { hashPassword } from '../auth/password'
import type { Db } from '../db/db'
import { SCHEMA_LOCK_KEY } from '../db/migrate'
import { CHANGES_CHANNEL, appendChanges, pokePayload, type NewChange } from '../sync/change-log'
import { DEMO_PASSWORD } from './demo-users'
import { FLOOR_AGENTS_TEAM, floorAgentName, floorAgentUsername } from './floor-agents'

export interface FloorAgentsResult {
  /** Agents created now (0 when they all existed, or without team Norte). */
  created: number
}

/** Creates the extra agents `floor01`…`floor<count>` that do not exist yet. */
export async function seedFloorAgents(db: Db, count: number): Promise<FloorAgentsResult> {
  if (count <= 0) return { created: 0 }
  const wanted = Array.from({ length: count }, (_, i) => i + 1)
  const done = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    const team = await tx.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [
      FLOOR_AGENTS_TEAM
    ])
    const teamId = team[0]?.id
    if (teamId === undefined) return null
    const existing = await tx.query<{ username: string }>(
      "SELECT username FROM users WHERE username LIKE 'floor%'"
    )
    const taken = new Set(existing.map((r) => r.username))
    const missing = wanted.filter((n) => !taken.has(floorAgentUsername(n)))
    if (missing.length === 0) return null
    const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)))
    const changes: NewChange[] = []
    for (const [i, n] of missing.entries()) {
      const user: DirectoryUser = {
        id: randomUUID(),
        username: floorAgentUsername(n),
        displayName: floorAgentName(n),
        role: 'agent',
        teamId,
        sipExtension: null
      }
      await tx.query(
        `INSERT INTO users (id, username, display_name, role, team_id, password_hash, sip_extension)
         VALUES ($1, $2, $3, 'agent', $4, $5, NULL)`,
        [user.id, user.username, user.displayName, teamId, hashes[i] ?? '']
      )
      changes.push({ entity: 'user', entityId: user.id, teamId, data: user })
    }
    const cursor = await appendChanges(tx, changes)
    return { cursor, teamId, created: missing.length }
  })
  if (!done) return { created: 0 }
  await db.notify(CHANGES_CHANNEL, pokePayload({ cursor: done.cursor, teams: [done.teamId] }))
  return { created: done.created }
}
