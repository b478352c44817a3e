/**
 * The admin's configuration screen: a disposition code added there and another retired reach
 * the server (and, through it, every workstation: see wrap-up-disposition.spec.ts); a code used
 * before is refused with the reason; the phone watchdog's pause reason cannot be retired.
 */
import { adminConfigurationSchema } from '@shared/domain/configuration-edit'
import { loginAs } from '@support/server-api'
import { expect, test } from './fixtures'

// The codes changed here would reach every other spec's wrap-up; a small seed is enough.
test.use({ ownServer: { ATIENDE_SEED_CUSTOMERS: '50' } })

test('an admin adds and retires disposition codes from the configuration screen', async ({
  server,
  workstation: ws
}) => {
  await ws.loginSynced('admin')
  await ws.configuration.open()
  const codes = ws.configuration.codeList('Códigos de disposición')
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
  const reasons = ws.configuration.codeList('Motivos de pausa').getByRole('list', {
    name: 'Motivos de pausa'
  })
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
