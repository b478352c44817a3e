/**
 * Account settings on the workstation: a display name and a password entered by the agent (a
 * site whose PBX the central server does not provision) are used for the next registration and
 * calls, the password kept only when the agent asks for it.
 */
import { expect, test, type Page } from '@playwright/test'

import { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'

let system: PhoneSystem

test.beforeAll(async () => {
  system = await startPhoneSystem('phone-settings')
})

test.afterAll(async () => {
  await system.stop()
})

function line(page: Page) {
  return page.getByRole('status', { name: 'Línea telefónica' })
}

async function openSettings(page: Page) {
  await page.getByText('Ajustes del teléfono', { exact: true }).click()
  return page.getByRole('form', { name: 'Ajustes del teléfono' })
}

test('a display name set on the workstation is what the called agent sees', async ({
  page,
  browser
}) => {
  await page.goto(system.server.url)
  const ana = new WorkstationPage(page)
  await ana.login('ana')
  await expect(line(page)).toHaveText('Registrado')

  let settings = await openSettings(page)
  await settings.getByLabel('Nombre visible').fill('Ana (turno de tarde)')
  await settings.getByLabel('Contraseña SIP').fill('una-clave-local')
  await settings.getByLabel('Recordar la contraseña en este equipo').check()
  await settings.getByRole('button', { name: 'Guardar y reconectar' }).click()
  await expect(settings.getByRole('status')).toHaveText('Ajustes guardados')
  await expect(settings.getByLabel('Contraseña SIP')).toHaveValue('')
  await expect(line(page)).toHaveText('Registrado')

  const context = await browser.newContext()
  const other = await context.newPage()
  await other.goto(system.server.url)
  const bruno = new WorkstationPage(other)
  await bruno.login('bruno')
  await expect(line(other)).toHaveText('Registrado')

  await page.getByLabel('Número a marcar').fill('1002')
  await page.keyboard.press('Enter')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await expect(other.getByTestId('caller-id')).toContainText('Ana (turno de tarde)')
  await other.keyboard.press('Alt+D')
  await expect(ana.phoneStatus).toContainText('Disponible')
  await context.close()

  // The settings survive a reload; the password is never shown again.
  await page.reload()
  await expect(line(page)).toHaveText('Registrado')
  settings = await openSettings(page)
  await expect(settings.getByLabel('Nombre visible')).toHaveValue('Ana (turno de tarde)')
  await expect(settings.getByLabel('Recordar la contraseña en este equipo')).toBeChecked()
  await expect(settings.getByLabel('Contraseña SIP')).toHaveValue('')
})
