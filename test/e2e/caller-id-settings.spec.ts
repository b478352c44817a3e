/**
 * Caller identification settings on the workstation: the agent names the CTI header their IVR
 * sets, and a classic SIP peer (sipp through Kamailio) carrying that header pops the customer
 * it names; the default country decides how a national number (sipp again, as a carrier would
 * signal José's mobile) is read on ring.
 */
import { expect, test } from './fixtures'
import { KNOWN_CALLER } from './support/known-caller'
import { sippRings } from './support/sip-ring'

test.use({ phoneSystem: true })

test('a header name set in the settings identifies the caller a SIP peer sends', async ({
  phones,
  sipPeer
}) => {
  const ws = await phones.open('ana')
  await ws.waitForFirstSync()
  const settings = ws.callerIdSettings
  await settings.open()
  const headers = settings.headers

  // Each bad entry is named in its own error; nothing is saved.
  await headers.fill('X-Ivr-Cliente\ncliente ivr\nx@ivr')
  await settings.save()
  const errors = settings.form.getByRole('alert')
  await expect(errors.getByRole('listitem')).toHaveText([
    /«cliente ivr» no es un nombre de cabecera SIP/,
    /«x@ivr» no es un nombre de cabecera SIP/
  ])
  await expect(settings.form.getByRole('status')).toHaveCount(0)

  // Valid names are kept lower-cased, each once, in the order typed.
  await headers.fill('X-Ivr-Cliente\nx-ivr-cliente\nX-Account')
  await settings.save()
  await expect(settings.form.getByRole('status')).toHaveText('Ajustes de identificación guardados')
  await expect(headers).toHaveValue('x-ivr-cliente\nx-account')

  const sipp = sipPeer.call({
    extension: '1001',
    callerNumber: '+34910000002',
    callerName: 'IVR Atiende',
    headers: { 'X-Ivr-Cliente': 'CUST-0000002' }
  })
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  await expect(ws.card.customer('Carmen Ortega Ruiz')).toBeVisible()
  await expect(ws.card.region).toContainText('Identificado por el IVR')
  await ws.softphone.decline.click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await expect(ws.softphone.status).toContainText('Disponible')

  // The settings survive a reload.
  await ws.page.reload()
  await settings.open()
  await expect(settings.headers).toHaveValue('x-ivr-cliente\nx-account')
})

test('the default country set in the settings reads national numbers on ring', async ({
  phones,
  sipPeer
}) => {
  const ws = await phones.open('ana')
  await ws.waitForFirstSync()
  const settings = ws.callerIdSettings
  await settings.open()
  const country = settings.country

  await country.fill('zz')
  await settings.save()
  await expect(settings.form.getByRole('alert')).toHaveText(
    '«zz» no es un código de país admitido (dos letras, p. ej. ES)'
  )

  // Read as a Mexican number, José's Spanish mobile (612 34 56 78) is nobody's.
  await country.fill('mx')
  await settings.save()
  await expect(settings.form.getByRole('status')).toHaveText('Ajustes de identificación guardados')
  await expect(country).toHaveValue('MX')
  const josesMobile = {
    callerNumber: KNOWN_CALLER.number,
    callerName: KNOWN_CALLER.displayName,
    headers: {}
  }
  const asMexican = await sippRings(ws, 'ana', sipPeer, josesMobile)
  await expect(ws.card.region).toContainText('Llamante desconocido')
  await asMexican.decline()

  // Empty: the provisioned country (ES) again, and the number is José's.
  await country.fill('')
  await settings.save()
  const asSpanish = await sippRings(ws, 'ana', sipPeer, josesMobile)
  await expect(ws.card.customer(KNOWN_CALLER.name)).toBeVisible()
  await expect(ws.card.region).toContainText('Identificado por el número')
  await asSpanish.decline()
})
