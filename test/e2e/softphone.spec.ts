/**
 * The softphone through a real SIP proxy: Kamailio (repo config) on loopback, the central server
 * provisioning each user's extension, two agents in two Chromium processes that each "speak" a
 * different tone, and sipp as a classic SIP peer ringing an agent with an IVR's CTI header.
 */
import { serverInteractions } from '@support/server-api'
import { expect, test } from './fixtures'
import { iceServersInUse } from './support/phones'
import { TONE_HZ, hears, hearsSilence, receivesAudio } from './support/softphones'

const ANA_HZ = TONE_HZ.ana
const BRUNO_HZ = TONE_HZ.bruno

test.use({ phoneSystem: true })

test('two agents call each other through Kamailio and each hears the other', async ({
  phones,
  server
}) => {
  const startedAt = new Date().toISOString()
  const ana = await phones.open('ana')
  const bruno = await phones.open('bruno')

  await ana.softphone.dial('1002')
  await expect(ana.softphone.status).toContainText('Llamando')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(bruno.softphone.callerId).toContainText('Ana Ortiz')
  await bruno.softphone.answer.click()
  await expect(ana.softphone.status).toContainText('En llamada')
  await expect(bruno.softphone.status).toContainText('En llamada')
  expect(await iceServersInUse(ana.page)).toBe(0)

  // Two-way audio, and each side hears the other party's tone.
  expect(await receivesAudio(ana.page)).toBe(true)
  expect(await receivesAudio(bruno.page)).toBe(true)
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)

  // Mute: Bruno no longer hears Ana's tone; unmute brings it back.
  const mute = ana.softphone.mute
  await expect(mute).toHaveAttribute('aria-keyshortcuts', 'Alt+M')
  await mute.click()
  await expect(mute).toHaveAttribute('aria-pressed', 'true')
  await hearsSilence(bruno.page)
  await ana.page.keyboard.press('Alt+M')
  await expect(mute).toHaveAttribute('aria-pressed', 'false')
  await hears(bruno.page, ANA_HZ)

  // Hold: Bruno holds Ana; she stops sending and hears nothing from him; resume restores both.
  const hold = bruno.softphone.hold
  await expect(hold).toHaveAttribute('aria-keyshortcuts', 'Alt+O')
  await hold.click()
  await expect(bruno.softphone.status).toContainText('En espera')
  await hearsSilence(ana.page)
  expect(await receivesAudio(bruno.page)).toBe(false)
  await bruno.page.keyboard.press('Alt+O')
  await expect(bruno.softphone.status).toContainText('En llamada')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)

  // Hang-up on one side ends the other; both go to after-call work.
  await bruno.softphone.hangUp.click()
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ana.softphone.status).toContainText('Trabajo posterior a la llamada')

  // Each side saved the call as an interaction record, and both reached the central server;
  // hold time counts only the holds an agent put on (Bruno held Ana, not the other way round).
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.endedBy)}:${String(i.holdSeconds > 0)}`)
        .sort()
    )
    .toEqual(['inbound:answered:local:true', 'outbound:answered:remote:false'])
})

test('a classic SIP peer rings an agent and its X-Customer-Id pops the card', async ({
  phones,
  sipPeer
}) => {
  const ana = await phones.open('ana')
  await ana.waitForFirstSync()

  const sipp = sipPeer.call({
    extension: '1001',
    callerNumber: '+34910000000',
    callerName: 'IVR Atiende',
    headers: { 'X-Customer-Id': 'CUST-0000001' }
  })
  await expect(ana.softphone.status).toContainText('Llamada entrante')
  await expect(ana.card.region).toContainText('José Núñez Peña')
  await expect(ana.card.region).toContainText('Identificado por el IVR')
  await ana.softphone.decline.click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await expect(ana.softphone.status).toContainText('Disponible')
})

test('phones register again after Kamailio restarts, and a declined call reports busy', async ({
  kamailio,
  phones
}) => {
  const ana = await phones.open('ana')
  const bruno = await phones.open('bruno')

  await kamailio.stop({ keepRunDir: true })
  await expect(ana.softphone.line).toContainText('No registrado')
  await kamailio.start()
  await expect(ana.softphone.line).toHaveText('Registrado')
  await expect(bruno.softphone.line).toHaveText('Registrado')

  await ana.softphone.number.fill('1002')
  await ana.page.keyboard.press('Enter')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await bruno.page.keyboard.press('Alt+D')
  await expect(bruno.softphone.status).toContainText('Disponible')
  await expect(ana.softphone.status).toContainText('Disponible')
  await expect(ana.softphone.alert()).toContainText('486')
})

test('answering a plain RTP caller without a media relay fails cleanly into wrap-up', async ({
  phones,
  sipPeer
}) => {
  const ana = await phones.open('ana')
  const sipp = sipPeer.call({
    extension: '1001',
    callerNumber: '+34910000001',
    callerName: 'Pasarela RTC',
    headers: {}
  })
  await expect(ana.softphone.status).toContainText('Llamada entrante')
  await ana.page.keyboard.press('Alt+A')
  const result = await sipp
  // The scenario completes only on one of the final responses it lists (480/488 expected here).
  expect(result.code, result.log).toBe(0)
  await expect(ana.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ana.softphone.alert()).toBeVisible()
  await ana.finishWithDisposition()
  await expect(ana.softphone.status).toContainText('Disponible')
})
