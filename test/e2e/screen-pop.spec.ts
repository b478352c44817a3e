/**
 * Screen pop on ring, in the browser edition against a real server and phone system (Kamailio):
 * a known caller on a real call (his phone signals his number with the 00 prefix), and, rung by
 * sipp as a carrier or an IVR would: an unknown caller created on the spot (and synced to the
 * server), a shared household line (chooser), a CTI header set by an IVR for a withheld number,
 * and hostile caller data rendered as inert text.
 */
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema } from '@shared/sync/protocol'
import { loginAs } from '@support/server-api'
import type { ServerProcess } from '@support/server-process'
import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import { KNOWN_CALLER, knownCallerRings, openKnownCaller } from './support/known-caller'
import { sippRings } from './support/sip-ring'

// José's card must show no open complaints: the other specs file theirs about him.
test.use({ phoneSystem: true, ownServer: true })

async function openWorkstation(ws: Workstation, user: string): Promise<Workstation> {
  // Any script a hostile value managed to run would show up as a dialog.
  ws.page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await ws.loginSynced(user)
  return ws
}

/** Customer names the user `username` pulls from the server. */
async function serverCustomerNames(server: ServerProcess, username: string): Promise<string[]> {
  const { accessToken } = await loginAs(server.url, username)
  const names: string[] = []
  let cursor = 0
  for (;;) {
    const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=5000`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION)
      }
    })
    const page = pullResponseSchema.parse(await res.json())
    for (const c of page.changes) {
      if (c.entity === 'customer') names.push(`${c.data.firstName} ${c.data.lastName}`)
    }
    cursor = page.cursor
    if (!page.hasMore) return names
  }
}

test('a known caller pops a full card while it rings, kept through wrap-up', async ({
  phones,
  workstation
}) => {
  const [ws, caller] = await Promise.all([
    openWorkstation(workstation, 'ana'),
    openKnownCaller(phones, { number: '0034612345678' })
  ])
  await knownCallerRings(ws, 'ana', caller)
  await expect(ws.card.customer(KNOWN_CALLER.name)).toBeVisible()
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  await expect(ws.card.region).toContainText('Identificado por el número')
  await expect(ws.card.region).toContainText('Valor: Alto rendimiento')
  await expect(ws.card.region).toContainText('Activo')
  await expect(ws.card.region).toContainText('Frecuente')
  await expect(ws.card.region).toContainText(
    'Idioma preferido: Español. Use el guion en ese idioma'
  )
  await expect(ws.card.region).toContainText(
    'Siguiente mejor oferta: Seguro de hogar (cliente de alto rendimiento)'
  )
  await expect(ws.card.region).toContainText('Sin quejas abiertas')
  await expect(ws.card.region).toContainText('Última sincronización:')
  await expect(ws.card.region.getByRole('note')).toHaveCount(0)

  await ws.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
  const description = `Router sin conexión ${Date.now()}`
  await ws.complaintForm.file('Calidad del servicio', description)
  const open = ws.card.openComplaints
  await expect(open).toContainText(description)
  await expect(open).toContainText('En plazo')
  await ws.softphone.hangUp.click()
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ws.card.customer('José Núñez Peña')).toBeVisible()
})

test('an unknown caller is created from the card and reaches the server', async ({
  server,
  sipPeer,
  workstation
}) => {
  const ws = await openWorkstation(workstation, 'bruno')
  const call = await sippRings(ws, 'bruno', sipPeer, {
    callerNumber: '+34699000111',
    callerName: 'Llamante nuevo',
    headers: {}
  })
  await expect(ws.card.region).toContainText('Llamante desconocido')
  const form = ws.card.createContact
  await expect(form.getByLabel('Teléfono del contacto')).toHaveValue('+34699000111')
  const lastName = `Prueba ${Date.now()}`
  await form.getByLabel('Nombre', { exact: true }).fill('Marta')
  await form.getByLabel('Apellidos').fill(lastName)
  await form.getByLabel('Correo (opcional)').fill('marta@example.com')
  await form.getByRole('button', { name: 'Crear contacto' }).click()
  await expect(ws.card.customer(`Marta ${lastName}`)).toBeVisible()
  await expect(ws.card.region).toContainText('Contacto creado en esta llamada')
  await expect(ws.syncBar.status).toContainText('Pendientes: 0')
  await expect.poll(() => serverCustomerNames(server, 'bruno')).toContain(`Marta ${lastName}`)
  // Another team does not see a team's own contacts.
  expect(await serverCustomerNames(server, 'diego')).not.toContain(`Marta ${lastName}`)
  await call.decline()
})

test('a household line offers a chooser, and the choice fills the card', async ({
  sipPeer,
  workstation
}) => {
  const ws = await openWorkstation(workstation, 'carla')
  // The demo data's household line, Carmen's and Luis Ortega Ruiz's, in national format.
  const call = await sippRings(ws, 'carla', sipPeer, { callerNumber: '963000123', headers: {} })
  await expect(ws.card.region).toContainText('Varios clientes coinciden (2)')
  await ws.card.region.getByRole('button', { name: 'Elegir Luis Ortega Ruiz' }).click()
  await expect(ws.card.customer('Luis Ortega Ruiz')).toBeVisible()
  await call.decline()
})

test('a CTI header set by the IVR identifies a withheld caller', async ({
  sipPeer,
  workstation
}) => {
  const ws = await openWorkstation(workstation, 'diego')
  // The IVR identified the account although the number is withheld: the header wins.
  const call = await sippRings(ws, 'diego', sipPeer, {
    callerNumber: 'anonymous',
    callerHost: 'anonymous.invalid',
    headers: { 'X-Account': 'CUST-0000002' }
  })
  await expect(ws.card.customer('Carmen Ortega Ruiz')).toBeVisible()
  await expect(ws.card.region).toContainText('Identificado por el IVR')
  await call.decline()
})

test('a hostile display name and CTI header render as inert text', async ({
  page,
  sipPeer,
  workstation
}) => {
  const ws = await openWorkstation(workstation, 'fernando')
  // Markup and a right-to-left override in the INVITE's display name, markup in a CTI header.
  const call = await sippRings(ws, 'fernando', sipPeer, {
    callerNumber: '+34699000333',
    callerName: '<img src=x onerror=alert(1)>\u202eamaleM',
    headers: { 'X-Customer-Id': '<script>alert(1)</script>' }
  })
  await expect(ws.card.region).toContainText('Llamante desconocido')
  await expect(ws.card.region).toContainText('<img src=x onerror=alert(1)>amaleM')
  await expect(page.locator('img')).toHaveCount(0)
  await expect(page.locator('script:not([src])')).toHaveCount(0)
  const text = (await ws.card.region.textContent()) ?? ''
  expect(text).not.toContain('\u202e')
  await call.decline()
})

test('search from the keyboard opens a card outside a call', async ({ page, workstation }) => {
  const ws = await openWorkstation(workstation, 'bruno')
  const search = ws.card.search
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  await page.keyboard.type('jose nunez pena')
  const results = ws.card.results
  await expect(results.getByRole('option').first()).toContainText('José Núñez Peña')
  await page.keyboard.press('Enter')
  await expect(ws.card.customer('José Núñez Peña')).toBeVisible()
  await expect(ws.card.region).toContainText('Abierto desde la búsqueda')

  await ws.card.region.getByRole('heading', { name: 'Ficha del cliente' }).click()
  await page.keyboard.press('Control+k')
  await expect(search).toBeFocused()
  await page.keyboard.type('963 00 01')
  await expect(results.getByRole('option')).toHaveCount(2)
  await page.keyboard.press('ArrowDown')
  await expect(results.getByRole('option', { selected: true })).toContainText('Luis Ortega Ruiz')
  await page.keyboard.press('Enter')
  await expect(ws.card.customer('Luis Ortega Ruiz')).toBeVisible()
})
