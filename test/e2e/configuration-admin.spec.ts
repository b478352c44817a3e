/**
 * The admin's configuration screen: a disposition code added there and another retired reach
 * the server (and, through it, every workstation: see wrap-up-disposition.spec.ts); a code used
 * before is refused with the reason; the phone watchdog's pause reason cannot be retired.
 */
import { expect, test } from '@playwright/test'

import { adminConfigurationSchema } from '@shared/domain/configuration-edit'
import { loginAs } from '../support/server-api'
import { ServerProcess } from '../support/server-process'
import { WorkstationPage } from './pages/workstation-page'

let server: ServerProcess

test.beforeAll(async () => {
  server = await ServerProcess.create({ ATIENDE_SEED_CUSTOMERS: '50' })
  await server.start()
})

test.afterAll(async () => {
  await server.stop()
})

test('an admin adds and retires disposition codes from the configuration screen', async ({
  page
}) => {
  await page.goto(server.url)
  const ws = new WorkstationPage(page)
  await ws.login('admin')
  await ws.waitForFirstSync()
  await page.getByText('Configuración', { exact: true }).click()
  const codes = page.getByRole('region', { name: 'Códigos de disposición' })
  const list = codes.getByRole('list', { name: 'Códigos de disposición' })
  await expect(list.getByRole('listitem', { name: 'Número equivocado' })).toBeVisible()

  const form = codes.getByRole('form', { name: 'Añadir a Códigos de disposición' })
  await form.getByLabel('Código').fill('promise_to_pay')
  await form.getByLabel('Nombre en español').fill('Promesa de pago')
  await form.getByLabel('Nombre en inglés').fill('Promise to pay')
  await form.getByRole('button', { name: 'Añadir' }).click()
  await expect(codes.getByRole('status')).toHaveText('Añadido: Promesa de pago')
  await expect(list.getByRole('listitem', { name: 'Promesa de pago' })).toContainText(
    'promise_to_pay'
  )
  await expect(form.getByLabel('Código')).toHaveValue('')

  await list.getByRole('button', { name: 'Retirar Número equivocado' }).click()
  const retired = list.getByRole('listitem', { name: 'Número equivocado' })
  await expect(retired).toContainText('Retirado')
  await expect(retired.getByRole('button', { name: 'Restaurar Número equivocado' })).toBeVisible()

  // A code already in use (retired or not) is refused with the reason.
  await form.getByLabel('Código').fill('wrong_number')
  await form.getByLabel('Nombre en español').fill('Otro número')
  await form.getByLabel('Nombre en inglés').fill('Another number')
  await form.getByRole('button', { name: 'Añadir' }).click()
  await expect(codes.getByRole('alert')).toHaveText(
    'Ese código ya existe (también cuenta uno retirado)'
  )

  // The watchdog's reason is the app's own: it is listed but offers no retirement.
  const reasons = page.getByRole('list', { name: 'Motivos de pausa' })
  await expect(reasons.getByRole('listitem', { name: 'Teléfono sin servicio' })).toBeVisible()
  await expect(reasons.getByRole('button', { name: 'Retirar Teléfono sin servicio' })).toHaveCount(
    0
  )

  const admin = (await loginAs(server.url, 'admin')).accessToken
  const response = await fetch(`${server.url}/api/admin/configuration`, {
    headers: { authorization: `Bearer ${admin}` }
  })
  const configured = adminConfigurationSchema.parse(await response.json())
  expect(
    configured.dispositionCodes
      .filter((c) => ['promise_to_pay', 'wrong_number'].includes(c.code))
      .map((c) => ({ code: c.code, es: c.label.es, active: c.active }))
  ).toEqual([
    { code: 'wrong_number', es: 'Número equivocado', active: false },
    { code: 'promise_to_pay', es: 'Promesa de pago', active: true }
  ])
})
