/**
 * Every workspace opens while the server is down. The agent desk is in the main bundle and the
 * other workspaces are split out, so each is fetched right after login (the catalog's prefetch):
 * a team lead and an administrator (between them, all six workspaces) log in, the app's scripts
 * finish loading, the server stops, and every workspace in each navigation opens and shows its
 * heading, with no error in its place.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { Workstation } from './pages/workstation'

// This spec stops the server: a server of its own.
test.use({ ownServer: true })

/** A heading each workspace shows, by the workspace's name in the navigation. */
const headings: Readonly<Record<string, string>> = {
  'Puesto de atención': 'Teléfono',
  Quejas: 'Quejas y reclamos',
  'Equipo en vivo': 'Panel en vivo',
  Formación: 'Escenarios de práctica',
  // Its first tab: the evaluations (the reports are under "Informes").
  'Calidad e informes': 'Evaluaciones',
  Administración: 'Configuración'
}

/**
 * The page's script requests in flight. A split workspace's chunk is named after its module
 * (`QualityWorkspace-<hash>.js`); its own imports are requested with it (the bundler's preload
 * list), so once every workspace chunk has been requested and nothing is in flight, all is here.
 */
function trackScripts(page: Page) {
  const inFlight = new Set<string>()
  const workspaceChunks = new Set<string>()
  page.on('request', (request) => {
    const url = request.url()
    if (!/\/assets\/[^/]+\.js$/.test(url)) return
    inFlight.add(url)
    if (/Workspace-[\w-]+\.js$/.test(url)) workspaceChunks.add(url)
  })
  const done = (request: { url: () => string }) => inFlight.delete(request.url())
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return {
    /** How many workspace chunks have loaded, once nothing else is loading (else -1). */
    loaded: () => (inFlight.size === 0 ? workspaceChunks.size : -1)
  }
}

function navigationNames(ws: Workstation): Promise<string[]> {
  return ws.navigation
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))
}

async function expectEveryWorkspaceOpens(ws: Workstation, names: readonly string[]) {
  for (const name of names) {
    await ws.goTo(name)
    const area = ws.page.getByRole('main', { name })
    const heading = headings[name]
    if (heading === undefined) throw new Error(`no heading known for the workspace ${name}`)
    await expect(area.getByRole('heading', { name: heading, level: 2 })).toBeVisible()
    // A chunk that failed to load would leave the error boundary's message in its place.
    await expect(area.getByText('Esta sección falló')).toHaveCount(0)
  }
}

test('a lead and an admin open every workspace of theirs while the server is down', async ({
  page,
  browser,
  server
}) => {
  test.setTimeout(90_000)
  const lead = new Workstation(page)
  const leadScripts = trackScripts(page)
  const adminContext = await browser.newContext({ locale: 'es-ES' })
  const admin = new Workstation(await adminContext.newPage())
  const adminScripts = trackScripts(admin.page)
  await Promise.all(
    [lead, admin].map(async (ws, i) => {
      await ws.page.goto(server.url)
      await ws.login(i === 0 ? 'carla' : 'admin')
    })
  )

  const leadWorkspaces = await navigationNames(lead)
  const adminWorkspaces = await navigationNames(admin)
  expect(leadWorkspaces).toEqual([
    'Puesto de atención',
    'Quejas',
    'Equipo en vivo',
    'Calidad e informes'
  ])
  expect(adminWorkspaces).toHaveLength(6)
  // Prefetched right after login: every split workspace (all but the desk), nothing still loading.
  await expect.poll(leadScripts.loaded).toBe(leadWorkspaces.length - 1)
  await expect.poll(adminScripts.loaded).toBe(adminWorkspaces.length - 1)

  await server.stop()
  await expect(fetch(server.url)).rejects.toThrow()

  await expectEveryWorkspaceOpens(lead, leadWorkspaces)
  await expectEveryWorkspaceOpens(admin, adminWorkspaces)
  await adminContext.close()
})
