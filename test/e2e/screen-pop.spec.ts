/**
 * Screen pop on ring, in the browser edition against a real server: a known caller, an unknown
 * caller created on the spot (and synced to the server), a shared household line (chooser), a
 * CTI header set by an IVR, and hostile caller data rendered as inert text.
 */
import { expect, test, type Page } from '@playwright/test'

import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema } from '@shared/sync/protocol'
import { WorkstationPage } from './pages/workstation-page'
import { loginAs } from '../support/server-api'
import { ServerProcess } from '../support/server-process'

let server: ServerProcess

test.beforeAll(async () => {
  server = await ServerProcess.create()
  await server.start()
})

test.afterAll(async () => {
  await server.stop()
})

async function openWorkstation(page: Page, user: string): Promise<WorkstationPage> {
  // Any script a hostile value managed to run would show up as a dialog.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login(user)
  await ws.waitForFirstSync()
  return ws
}

/** Customer names the user `username` pulls from the server. */
async function serverCustomerNames(username: string): Promise<string[]> {
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

test('a known caller pops a full card while it rings, kept through wrap-up', async ({ page }) => {
  const ws = await openWorkstation(page, 'ana')
  await ws.startPracticeCall('Cliente conocido (prefijo 00)')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await expect(ws.phoneStatus).toContainText('Llamada entrante')
  await expect(ws.card).toContainText('Identificado por el número')
  await expect(ws.card).toContainText('Valor: Alto rendimiento')
  await expect(ws.card).toContainText('Activo')
  await expect(ws.card).toContainText('Frecuente')
  await expect(ws.card).toContainText('Idioma preferido: Español. Use el guion en ese idioma')
  await expect(ws.card).toContainText(
    'Siguiente mejor oferta: Seguro de hogar (cliente de alto rendimiento)'
  )
  await expect(ws.card).toContainText('Sin quejas abiertas')
  await expect(ws.card).toContainText('Última sincronización:')
  await expect(ws.card.getByRole('note')).toHaveCount(0)

  await page.getByRole('button', { name: 'Contestar' }).click()
  const description = `Router sin conexión ${Date.now()}`
  await ws.logComplaint('Calidad del servicio', description)
  const open = ws.card.getByRole('region', { name: 'Quejas abiertas' })
  await expect(open).toContainText(description)
  await expect(open).toContainText('En plazo')
  await page.getByRole('button', { name: 'Colgar' }).click()
  await expect(ws.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
})

test('an unknown caller is created from the card and reaches the server', async ({ page }) => {
  const ws = await openWorkstation(page, 'bruno')
  await ws.startPracticeCall('Llamante desconocido')
  await expect(ws.card).toContainText('Llamante desconocido')
  const form = ws.card.getByRole('form', { name: 'Crear contacto' })
  await expect(form.getByLabel('Teléfono del contacto')).toHaveValue('+34699000111')
  const lastName = `Prueba ${Date.now()}`
  await form.getByLabel('Nombre', { exact: true }).fill('Marta')
  await form.getByLabel('Apellidos').fill(lastName)
  await form.getByLabel('Correo (opcional)').fill('marta@example.com')
  await form.getByRole('button', { name: 'Crear contacto' }).click()
  await expect(ws.card.getByRole('heading', { name: `Marta ${lastName}` })).toBeVisible()
  await expect(ws.card).toContainText('Contacto creado en esta llamada')
  await expect(ws.syncStatus).toContainText('Pendientes: 0')
  await expect.poll(() => serverCustomerNames('bruno')).toContain(`Marta ${lastName}`)
  // Another team does not see a team's own contacts.
  expect(await serverCustomerNames('diego')).not.toContain(`Marta ${lastName}`)
})

test('a household line offers a chooser, and the choice fills the card', async ({ page }) => {
  const ws = await openWorkstation(page, 'carla')
  await ws.startPracticeCall('Línea compartida (varios clientes)')
  await expect(ws.card).toContainText('Varios clientes coinciden (2)')
  await ws.card.getByRole('button', { name: 'Elegir Luis Ortega Ruiz' }).click()
  await expect(ws.card.getByRole('heading', { name: 'Luis Ortega Ruiz' })).toBeVisible()
})

test('a CTI header set by the IVR identifies a withheld caller', async ({ page }) => {
  const ws = await openWorkstation(page, 'diego')
  await ws.startPracticeCall('Cliente identificado por el IVR')
  await expect(ws.card.getByRole('heading', { name: 'Carmen Ortega Ruiz' })).toBeVisible()
  await expect(ws.card).toContainText('Identificado por el IVR')
})

test('a hostile display name and CTI header render as inert text', async ({ page }) => {
  const ws = await openWorkstation(page, 'fernando')
  await ws.startPracticeCall('Nombre mostrado hostil')
  await expect(ws.card).toContainText('Llamante desconocido')
  await expect(ws.card).toContainText('<img src=x onerror=alert(1)>amaleM')
  await expect(page.locator('img')).toHaveCount(0)
  await expect(page.locator('script:not([src])')).toHaveCount(0)
  const text = (await ws.card.textContent()) ?? ''
  expect(text).not.toContain('\u202e')
})

test('search from the keyboard opens a card outside a call', async ({ page }) => {
  const ws = await openWorkstation(page, 'bruno')
  const search = page.getByRole('combobox', { name: 'Buscar cliente' })
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  await page.keyboard.type('jose nunez pena')
  const results = page.getByRole('listbox', { name: 'Resultados de la búsqueda' })
  await expect(results.getByRole('option').first()).toContainText('José Núñez Peña')
  await page.keyboard.press('Enter')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await expect(ws.card).toContainText('Abierto desde la búsqueda')

  await page.getByRole('heading', { name: 'Ficha del cliente' }).click()
  await page.keyboard.press('Control+k')
  await expect(search).toBeFocused()
  await page.keyboard.type('963 00 01')
  await expect(results.getByRole('option')).toHaveCount(2)
  await page.keyboard.press('ArrowDown')
  await expect(results.getByRole('option', { selected: true })).toContainText('Luis Ortega Ruiz')
  await page.keyboard.press('Enter')
  await expect(ws.card.getByRole('heading', { name: 'Luis Ortega Ruiz' })).toBeVisible()
})
