/**
 * `ATIENDE_SEED_FLOOR_AGENTS`: the extra agents of team Norte are created once (a restart adds
 * nobody twice, a larger count adds the rest), can log in with the demo password, keep their
 * names as written (the hostile one too: it is the floor's job to show it as text), and are
 * published to the change log under their team so a lead's desk pulls them.
 */
import { expect, it } from 'vitest'

import { floorAgentName, floorAgentUsername } from '@server/seed/floor-agents'
import { seedFloorAgents } from '@server/seed/seed-floor-agents'
import { describeOnEngines } from '@support/engine-suite'
import { login } from '../../support/server-app'

describeOnEngines('floor agents seed on %s', { customers: 5 }, ({ database, app }) => {
  const floorUsers = () =>
    database.db.query<{ username: string; display_name: string; team: string; role: string }>(
      `SELECT u.username, u.display_name, t.name AS team, u.role
       FROM users u JOIN teams t ON t.id = u.team_id
       WHERE u.username LIKE 'floor%' ORDER BY u.username`
    )

  it('creates the agents once, in team Norte, and a larger count adds only the rest', async () => {
    expect(await seedFloorAgents(database.db, 12)).toEqual({ created: 12 })
    expect(await seedFloorAgents(database.db, 12)).toEqual({ created: 0 })
    expect(await seedFloorAgents(database.db, 0)).toEqual({ created: 0 })
    expect(await seedFloorAgents(database.db, 13)).toEqual({ created: 1 })

    const users = await floorUsers()
    expect(users.map((u) => u.username)).toEqual(
      Array.from({ length: 13 }, (_, i) => floorAgentUsername(i + 1))
    )
    expect(users.every((u) => u.team === 'Norte' && u.role === 'agent')).toBe(true)
    const names = users.map((u) => u.display_name)
    expect(names).toContain('<img src=x onerror=alert(1)> Hostil')
    expect(names.some((n) => n.length > 60)).toBe(true)
    expect(new Set(names).size).toBe(13)
    expect(names[0]).toBe(floorAgentName(1))

    const published = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM change_log c JOIN users u ON u.id = c.entity_id
       WHERE c.entity = 'user' AND u.username LIKE 'floor%'`
    )
    expect(published[0]?.n).toBe(13)
  })

  it('lets an extra agent log in with the demo password', async () => {
    const { user } = await login(app, 'floor03')
    expect(user).toMatchObject({ username: 'floor03', role: 'agent' })
  })
})
