/**
 * Account settings on the workstation: a display name and a password entered by the agent (a
 * site whose PBX the central server does not provision) are used for the next registration and
 * calls, the password kept only when the agent asks for it.
 */
import { expect, test } from './fixtures'

test.use({ phoneSystem: true })

test('a display name set on the workstation is what the called agent sees', async ({
  colleagues,
  page,
  workstation: ana
}) => {
  await ana.login('ana')
  await expect(ana.softphone.line).toHaveText('Registrado')

  const settings = ana.phoneSettings.form
  await ana.phoneSettings.open()
  await settings.getByLabel('Nombre visible').fill('Ana (turno de tarde)')
  await settings.getByLabel('Contraseña SIP').fill('una-clave-local')
  await settings.getByLabel('Recordar la contraseña en este equipo').check()
  await settings.getByRole('button', { name: 'Guardar y reconectar' }).click()
  await expect(settings.getByRole('status')).toHaveText('Ajustes guardados')
  await expect(settings.getByLabel('Contraseña SIP')).toHaveValue('')
  await expect(ana.softphone.line).toHaveText('Registrado')

  const bruno = await colleagues.open('bruno')
  await expect(bruno.softphone.line).toHaveText('Registrado')

  await ana.softphone.number.fill('1002')
  await page.keyboard.press('Enter')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(bruno.softphone.callerId).toContainText('Ana (turno de tarde)')
  await bruno.page.keyboard.press('Alt+D')
  await expect(ana.softphone.status).toContainText('Disponible')
  await bruno.close()

  // The settings survive a reload; the password is never shown again.
  await page.reload()
  await expect(ana.softphone.line).toHaveText('Registrado')
  await ana.phoneSettings.open()
  await expect(settings.getByLabel('Nombre visible')).toHaveValue('Ana (turno de tarde)')
  await expect(settings.getByLabel('Recordar la contraseña en este equipo')).toBeChecked()
  await expect(settings.getByLabel('Contraseña SIP')).toHaveValue('')
})
