/**
 * Loads the default configuration once and publishes it, with the directory of users and teams,
 * to the change log, so every client pulls it into its cache. Skipped when pause reasons exist.
 */

import { defaultFloorAlerts, type DirectoryUser, type Team } from '@shared/domain/configuration'
import { roles, type Role } from '@shared/domain/user'
import { replaceCompensationLimits } from '../compensation/compensation-store'
import { replaceFloorAlerts } from '../configuration/floor-alert-routes'
import type { Db, Queryable } from '../db/db'
import { SCHEMA_LOCK_KEY } from '../db/migrate'
import {
  CHANGES_CHANNEL,
  appendChanges,
  configEntityId,
  pokeKeysOf,
  pokePayload,
  type ChangeEntity,
  type NewChange
} from '../sync/change-log'
import {
  defaultCompensationLimits,
  defaultComplaintCategories,
  defaultDispositionCodes,
  defaultPauseReasons
} from './default-configuration'

function shared(entity: ChangeEntity, key: string, data: unknown): NewChange {
  return { entity, entityId: configEntityId(entity, key), teamId: null, data }
}

async function insertDefaults(tx: Queryable): Promise<void> {
  for (const d of defaultDispositionCodes) {
    await tx.query(
      `INSERT INTO disposition_codes (code, label_es, label_en, needs_callback, active, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [d.code, d.label.es, d.label.en, d.needsCallback, d.active, d.sortOrder]
    )
  }
  for (const p of defaultPauseReasons) {
    await tx.query(
      `INSERT INTO pause_reasons (code, label_es, label_en, paid, max_minutes, selectable, active,
                                  sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.code, p.label.es, p.label.en, p.paid, p.maxMinutes, p.selectable, p.active, p.sortOrder]
    )
  }
  for (const c of defaultComplaintCategories) {
    await tx.query(
      `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active, sort_order)
       VALUES ($1, NULL, $2, $3, $4, $5)`,
      [c.code, c.label.es, c.label.en, c.active, c.sortOrder]
    )
    for (const [i, s] of c.subcategories.entries()) {
      await tx.query(
        `INSERT INTO complaint_categories (code, parent_code, label_es, label_en, active, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.code, c.code, s.label.es, s.label.en, s.active, (i + 1) * 10]
      )
    }
  }
  await replaceCompensationLimits(tx, defaultCompensationLimits)
  await replaceFloorAlerts(tx, defaultFloorAlerts)
}

function isRole(value: string): value is Role {
  return roles.some((r) => r === value)
}

/** Users are visible to their own team (and leads, admins); teamless users to everyone. */
async function directoryChanges(tx: Queryable): Promise<NewChange[]> {
  const teams = await tx.query<Team>('SELECT id, name FROM teams ORDER BY name')
  const users = await tx.query<{
    id: string
    username: string
    display_name: string
    role: string
    team_id: string | null
    sip_extension: string | null
  }>('SELECT id, username, display_name, role, team_id, sip_extension FROM users ORDER BY username')
  const changes: NewChange[] = teams.map((t) => ({
    entity: 'team',
    entityId: t.id,
    teamId: null,
    data: { id: t.id, name: t.name } satisfies Team
  }))
  for (const u of users) {
    if (!isRole(u.role)) continue
    const user: DirectoryUser = {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      sipExtension: u.sip_extension
    }
    changes.push({ entity: 'user', entityId: u.id, teamId: u.team_id, data: user })
  }
  return changes
}

/** Seeds and publishes the configuration unless it exists; true when it did. */
export async function seedConfiguration(db: Db): Promise<boolean> {
  const published = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pause_reasons')
    if ((existing[0]?.n ?? 0) > 0) return null
    await insertDefaults(tx)
    const changes: NewChange[] = [
      ...defaultDispositionCodes.map((d) => shared('disposition_code', d.code, d)),
      ...defaultPauseReasons.map((p) => shared('pause_reason', p.code, p)),
      ...defaultComplaintCategories.map((c) => shared('complaint_category', c.code, c)),
      shared('compensation_limits', 'default', defaultCompensationLimits),
      shared('floor_alerts', 'default', defaultFloorAlerts),
      ...(await directoryChanges(tx))
    ]
    const cursor = await appendChanges(tx, changes)
    return { cursor, teams: pokeKeysOf(changes) }
  })
  if (published) await db.notify(CHANGES_CHANNEL, pokePayload(published))
  return published !== null
}
