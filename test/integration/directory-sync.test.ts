/**
 * The colleague directory reaches desks on its own and is what a ring is matched against: an
 * agent's and a trainer's data workers pull every colleague (other teams too), an admin's change
 * of extension reaches them through the poke (the test never nudges the engine), and the lookup
 * follows it, offline from the local store. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { findColleague, listDirectory } from '@renderer/workers/data/directory/rows'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openSyncClient, type SyncClient } from '../support/worker-sync'

describeOnEngines('the colleague directory on desks on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['admin', 'ana', 'tomas'],
    database: () => createTestDatabase(engine)
  })
  let ana: SyncClient
  let tomas: SyncClient

  beforeAll(async () => {
    ana = await openSyncClient({ serverUrl: server.url, tokens: tokens('ana') })
    tomas = await openSyncClient({ serverUrl: server.url, tokens: tokens('tomas') })
    await vi.waitFor(
      () => {
        expect(listDirectory(ana.store.db)).toHaveLength(9)
        expect(listDirectory(tomas.store.db)).toHaveLength(9)
      },
      { timeout: 30_000, interval: 50 }
    )
  })
  afterAll(async () => {
    await ana.close()
    await tomas.close()
  })

  const colleagueAt = (desk: SyncClient, user: string, host: string | null = null) =>
    findColleague(desk.store.db, { user, host })?.displayName ?? null

  it('finds a colleague of any team by extension or SIP address, and nobody by name', () => {
    for (const desk of [ana, tomas]) {
      expect(colleagueAt(desk, '1003')).toBe('Diego Ramírez')
      expect(colleagueAt(desk, '1003', 'atiende.local')).toBe('Diego Ramírez')
      expect(colleagueAt(desk, 'sip:2001@atiende.local')).toBe('Carla Méndez')
      expect(colleagueAt(desk, '1003', 'elsewhere.example')).toBeNull()
      expect(colleagueAt(desk, 'Diego Ramírez')).toBeNull()
      expect(colleagueAt(desk, '+34612345678')).toBeNull()
    }
  })

  it("an admin's new extension for a colleague reaches the desks, and the old one is nobody", async () => {
    const diego = listDirectory(ana.store.db).find((e) => e.extension === '1003')
    const response = await fetch(`${server.url}/api/admin/users/${diego?.userId ?? ''}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${tokens('admin').accessToken}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify({ sipExtension: '1333', displayName: 'Diego R. Ramírez' })
    })
    expect(response.status).toBe(200)
    await vi.waitFor(
      () => {
        expect(colleagueAt(ana, '1333')).toBe('Diego R. Ramírez')
        expect(colleagueAt(tomas, '1333')).toBe('Diego R. Ramírez')
      },
      { timeout: 10_000, interval: 20 }
    )
    expect(colleagueAt(ana, '1003')).toBeNull()
  })
})
