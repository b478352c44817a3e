/**
 * Caller identification settings on the workstation: the agent names the CTI header their IVR
 * sets, and a classic SIP peer (sipp through Kamailio) carrying that header pops the customer
 * it names; the default country decides how a national number is read on ring.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'

import type { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import type { Phone } from './support/phones'
import { runSippCall } from './support/sipp'
import { openPhone } from './support/softphones'

let system: PhoneSystem
const phones: Phone[] = []

test.beforeAll(async () => {
  system = await startPhoneSystem('caller-id-settings')
})

test.afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
})

test.afterAll(async () => {
  await system.stop()
})

async function openCallerIdSettings(page: Page): Promise<Locator> {
  await page.getByText('Identificación del llamante', { exact: true }).click()
  return page.getByRole('form', { name: 'Identificación del llamante' })
}

async function save(settings: Locator): Promise<void> {
  await settings.getByRole('button', { name: 'Guardar', exact: true }).click()
}

function ana(): Promise<WorkstationPage> {
  return openPhone(system.server.url, system.dir, 'ana', 440, phones)
}

test('a header name set in the settings identifies the caller a SIP peer sends', async () => {
  const ws = await ana()
  await ws.waitForFirstSync()
  const settings = await openCallerIdSettings(ws.page)
  const headers = settings.getByLabel(
    'Cabeceras CTI del IVR (una por línea, en orden de prioridad)'
  )

  // Each bad entry is named in its own error; nothing is saved.
  await headers.fill('X-Ivr-Cliente\ncliente ivr\nx@ivr')
  await save(settings)
  const errors = settings.getByRole('alert')
  await expect(errors.getByRole('listitem')).toHaveText([
    /«cliente ivr» no es un nombre de cabecera SIP/,
    /«x@ivr» no es un nombre de cabecera SIP/
  ])
  await expect(settings.getByRole('status')).toHaveCount(0)

  // Valid names are kept lower-cased, each once, in the order typed.
  await headers.fill('X-Ivr-Cliente\nx-ivr-cliente\nX-Account')
  await save(settings)
  await expect(settings.getByRole('status')).toHaveText('Ajustes de identificación guardados')
  await expect(headers).toHaveValue('x-ivr-cliente\nx-account')

  const sipp = runSippCall(system.dir, system.kamailio.sipPort, {
    extension: '1001',
    callerNumber: '+34910000002',
    callerName: 'IVR Atiende',
    headers: { 'X-Ivr-Cliente': 'CUST-0000002' }
  })
  await expect(ws.phoneStatus).toContainText('Llamada entrante')
  await expect(ws.card.getByRole('heading', { name: 'Carmen Ortega Ruiz' })).toBeVisible()
  await expect(ws.card).toContainText('Identificado por el IVR')
  await ws.page.getByRole('button', { name: 'Rechazar' }).click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await expect(ws.phoneStatus).toContainText('Disponible')

  // The settings survive a reload.
  await ws.page.reload()
  const reloaded = await openCallerIdSettings(ws.page)
  await expect(
    reloaded.getByLabel('Cabeceras CTI del IVR (una por línea, en orden de prioridad)')
  ).toHaveValue('x-ivr-cliente\nx-account')
})

test('the default country set in the settings reads national numbers on ring', async () => {
  const ws = await ana()
  await ws.waitForFirstSync()
  const settings = await openCallerIdSettings(ws.page)
  const country = settings.getByLabel('País por defecto de los números (ES, MX, CO…)')

  await country.fill('zz')
  await save(settings)
  await expect(settings.getByRole('alert')).toHaveText(
    '«zz» no es un código de país admitido (dos letras, p. ej. ES)'
  )

  // Read as a Mexican number, José's Spanish mobile (612 34 56 78) is nobody's.
  await country.fill('mx')
  await save(settings)
  await expect(settings.getByRole('status')).toHaveText('Ajustes de identificación guardados')
  await expect(country).toHaveValue('MX')
  await ws.startPracticeCall('Cliente conocido (número nacional)')
  await expect(ws.card).toContainText('Llamante desconocido')
  await ws.page.getByRole('button', { name: 'Rechazar' }).click()
  await expect(ws.phoneStatus).toContainText('Disponible')

  // Empty: the provisioned country (ES) again, and the number is José's.
  await country.fill('')
  await save(settings)
  await ws.startPracticeCall('Cliente conocido (número nacional)')
  await expect(ws.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  await expect(ws.card).toContainText('Identificado por el número')
})
