/**
 * The agent's workstation beyond the walking slice: login errors, callers the cache does not
 * know, withheld numbers, the keyboard-only call, and the English interface.
 */
import { expect, test } from '@playwright/test'

import { WorkstationPage } from './pages/workstation-page'
import { ServerProcess } from '../support/server-process'

let server: ServerProcess

test.beforeAll(async () => {
  server = await ServerProcess.create()
  await server.start()
})

test.afterAll(async () => {
  await server.stop()
})

test('a wrong password is refused with a clear message and no session', async ({ page }) => {
  await page.goto(server.url)
  await page.getByLabel('Usuario').fill('ana')
  await page.getByLabel('Contraseña').fill('wrong-password')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos')
  await expect(page.getByRole('heading', { name: 'Teléfono' })).toHaveCount(0)
})

test('an unknown caller pops an "unknown caller" card while ringing', async ({ page }) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login('bruno')
  await ws.waitForFirstSync()
  await ws.startPracticeCall('Llamante desconocido')
  await expect(ws.phoneStatus).toContainText('Llamada entrante')
  await expect(ws.card).toContainText('Llamante desconocido')
  await page.getByRole('button', { name: 'Rechazar' }).click()
  await expect(ws.phoneStatus).toContainText('Disponible')
})

test('a withheld number is shown as withheld and matches nobody', async ({ page }) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login('diego')
  await ws.waitForFirstSync()
  await ws.startPracticeCall('Número oculto')
  await expect(page.getByTestId('caller-id')).toHaveText('Número oculto')
  await expect(ws.card).toContainText('Llamante desconocido')
})

test('a whole call is handled from the keyboard', async ({ page }) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login('fernando')
  await ws.waitForFirstSync()
  await page.keyboard.press('Alt+P')
  await expect(ws.phoneStatus).toContainText('Llamada entrante')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await page.keyboard.press('Alt+A')
  await expect(ws.phoneStatus).toContainText('En llamada')
  await page.keyboard.press('Alt+H')
  await expect(ws.phoneStatus).toContainText('Trabajo posterior a la llamada')
})

test('the interface switches to English and stays English after a reload', async ({ page }) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login('carla')
  await page.getByLabel('Idioma').selectOption('en')
  await expect(page.getByRole('heading', { name: 'Phone' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start practice call' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Customer card' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('a complaint the server rejects shows why, and can be fixed or discarded', async ({
  page
}) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  // Trainers work on practice data only: the server refuses their production complaints.
  await ws.login('tomas')
  await ws.waitForFirstSync()
  await ws.logComplaint('Facturación', 'Primera queja de práctica')
  await ws.logComplaint('Entrega', 'Segunda queja de práctica')
  const first = ws.complaint('Primera queja de práctica')
  await expect(first).toContainText('Rechazada:')
  await expect(ws.syncStatus).toContainText('Rechazadas: 2')

  await page
    .getByRole('button', { name: 'Descartar la queja rechazada «Primera queja de práctica»' })
    .click()
  await expect(first).toHaveCount(0)
  await expect(ws.syncStatus).toContainText('Rechazadas: 1')

  await page
    .getByRole('button', {
      name: 'Corregir y volver a guardar la queja «Segunda queja de práctica»'
    })
    .click()
  await expect(ws.complaint('Segunda queja de práctica')).toHaveCount(0)
  await expect(page.getByLabel('Descripción')).toHaveValue('Segunda queja de práctica')
  await expect(page.getByLabel(/^Categoría/)).toHaveValue('delivery')
  await expect(ws.syncStatus).not.toContainText('Rechazadas')

  // After a reload nothing comes back: the discard was made durable.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Teléfono' })).toBeVisible()
  await expect(ws.complaints.getByRole('listitem')).toHaveCount(0)
})
