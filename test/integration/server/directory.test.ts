/**
 * The colleague directory (`directory_entry`): published by the server from its users, teams and
 * SIP domain, pulled by every role of every team, changed by an admin (or in the database, seen at
 * the next start) and pulled again, and never carrying a credential.
 */
import { beforeAll, expect, it } from 'vitest'

import { directoryEntrySchema, type DirectoryEntry } from '@shared/domain/directory'
import type { Change } from '@shared/sync/protocol'
import { publishDirectory } from '@server/directory/directory-publish'
import { describeOnEngines } from '@support/engine-suite'
import { buildTestApp, login, pullAll } from '../../support/server-app'

const DEMO_USERS = [
  'ana',
  'bruno',
  'diego',
  'fernando',
  'carla',
  'elena',
  'gloria',
  'tomas',
  'admin'
]

/** The latest pulled entry of each user, by display name. */
function latestEntries(changes: readonly Change[]): Map<string, DirectoryEntry> {
  const byUser = new Map<string, DirectoryEntry>()
  for (const c of changes) if (c.entity === 'directory_entry') byUser.set(c.data.userId, c.data)
  return new Map([...byUser.values()].map((e) => [e.displayName, e]))
}

describeOnEngines('the colleague directory on %s', {}, ({ database, app }) => {
  const tokens = new Map<string, string>()
  const ids = new Map<string, string>()

  beforeAll(async () => {
    for (const user of DEMO_USERS) {
      const session = await login(app, user)
      tokens.set(user, session.accessToken)
      ids.set(user, session.user.id)
    }
  })
  const token = (user: string) => tokens.get(user) ?? ''
  const pulled = async (user: string, cursor = 0) =>
    (await pullAll(app, token(user), cursor)).changes

  it('is pulled whole by every role of every team, with extension, SIP address and team', async () => {
    for (const user of ['ana', 'diego', 'carla', 'tomas', 'admin']) {
      const entries = latestEntries(await pulled(user))
      expect([...entries.keys()].sort(), user).toHaveLength(DEMO_USERS.length)
      // A colleague of another team is in everyone's directory.
      expect(entries.get('Diego Ramírez'), user).toMatchObject({
        role: 'agent',
        teamName: 'Sur',
        extension: '1003',
        sipAddress: 'sip:1003@atiende.local'
      })
      expect(entries.get('Tomás Vidal'), user).toMatchObject({ role: 'trainer', teamId: null })
    }
  })

  it('carries no password, hash or SIP password, nor anything but the entry', async () => {
    await database.db.query(
      "UPDATE users SET sip_password = 'sip-secret-1001' WHERE username = 'ana'"
    )
    await publishDirectory(database.db, 'atiende.local')
    const rows = await database.db.query<{ data: string }>(
      "SELECT data::text AS data FROM change_log WHERE entity = 'directory_entry'"
    )
    expect(rows.length).toBeGreaterThan(0)
    const hashes = await database.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users'
    )
    for (const row of rows) {
      expect(row.data).not.toContain('sip-secret')
      expect(row.data).not.toMatch(/password|hash|scrypt/i)
      for (const h of hashes) expect(row.data).not.toContain(h.password_hash)
      expect(Object.keys(JSON.parse(row.data) as object).sort()).toEqual(
        Object.keys(directoryEntrySchema.shape).sort()
      )
    }
    // The SIP password changed, nothing shown did: nothing was published for it.
    expect(await publishDirectory(database.db, 'atiende.local')).toBe(0)
  })

  it("an admin's change of name, role and extension reaches every desk, once", async () => {
    const before = await pullAll(app, token('diego'))
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${ids.get('bruno') ?? ''}`,
      headers: { authorization: `Bearer ${token('admin')}` },
      payload: { displayName: 'Bruno Salas <b>', role: 'team_lead', sipExtension: '1202' }
    })
    expect(response.statusCode, response.body).toBe(200)
    const after = await pullAll(app, token('diego'), before.cursor)
    const entries = after.changes.filter((c) => c.entity === 'directory_entry')
    expect(entries).toHaveLength(1)
    expect(entries[0]?.data).toMatchObject({
      displayName: 'Bruno Salas <b>',
      role: 'team_lead',
      extension: '1202',
      sipAddress: 'sip:1202@atiende.local'
    })
    // His team's board (team-scoped `user` rows) sees it too; another team's agent does not.
    const team = await pullAll(app, token('carla'), before.cursor)
    expect(team.changes.some((c) => c.entity === 'user' && c.data.sipExtension === '1202')).toBe(
      true
    )
    expect(after.changes.some((c) => c.entity === 'user')).toBe(false)
  })

  it('refuses non-admins, a taken extension and an undialable one', async () => {
    const patch = (user: string, payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${ids.get('ana') ?? ''}`,
        headers: { authorization: `Bearer ${token(user)}` },
        payload
      })
    expect((await patch('carla', { displayName: 'Ana' })).statusCode).toBe(403)
    expect((await patch('admin', { sipExtension: '1003' })).statusCode).toBe(409)
    expect((await patch('admin', { sipExtension: '10 01' })).statusCode).toBe(400)
    expect((await patch('admin', {})).statusCode).toBe(400)
  })

  it('a new SIP domain or a change made in the database is published when a server starts', async () => {
    const { cursor } = await pullAll(app, token('ana'))
    await database.db.query("UPDATE users SET display_name = 'Diego R.' WHERE username = 'diego'")
    const other = await buildTestApp(database.db, {
      sip: {
        wsServers: [],
        domain: 'pbx.example.com',
        iceServers: [],
        dialPrefix: '',
        defaultCountry: 'ES'
      }
    })
    try {
      await other.ready()
      const changes = (await pullAll(app, token('ana'), cursor)).changes
      const entries = latestEntries(changes)
      expect(changes.filter((c) => c.entity === 'directory_entry')).toHaveLength(DEMO_USERS.length)
      expect(entries.get('Diego R.')?.sipAddress).toBe('sip:1003@pbx.example.com')
    } finally {
      await other.close()
    }
    // Back to the first domain for whoever runs next on this database.
    await publishDirectory(database.db, 'atiende.local')
  })
})
