/**
 * The softphone through a real SIP proxy: Kamailio (repo config) on loopback, the central server
 * provisioning each user's extension, two agents in two Chromium processes that each "speak" a
 * different tone, and sipp as a classic SIP peer ringing an agent with an IVR's CTI header.
 */

import { expect, test } from '@playwright/test'

import type { KamailioProcess } from '../support/kamailio'
import type { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import { iceServersInUse, type Phone } from './support/phones'
import { serverInteractions } from '../support/server-api'
import type { ServerProcess } from '../support/server-process'
import { runSippCall } from './support/sipp'
import {
  hears,
  hearsSilence,
  lineStatus as line,
  openPhone,
  receivesAudio
} from './support/softphones'

const ANA_HZ = 440
const BRUNO_HZ = 1000

let kamailio: KamailioProcess
let system: PhoneSystem
let server: ServerProcess
let dir: string
const phones: Phone[] = []

function phoneFor(username: string, hz: number): Promise<WorkstationPage> {
  return openPhone(server.url, dir, username, hz, phones)
}

test.beforeAll(async () => {
  system = await startPhoneSystem('softphone')
  ;({ kamailio, server, dir } = system)
})

test.afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
})

test.afterAll(async () => {
  await system.stop()
})

test('two agents call each other through Kamailio and each hears the other', async () => {
  const startedAt = new Date().toISOString()
  const ana = await phoneFor('ana', ANA_HZ)
  const bruno = await phoneFor('bruno', BRUNO_HZ)

  await ana.page.getByLabel('Número a marcar').fill('1002')
  await ana.page.getByRole('button', { name: 'Llamar', exact: true }).click()
  await expect(ana.phoneStatus).toContainText('Llamando')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await bruno.page.getByRole('button', { name: 'Contestar' }).click()
  await expect(ana.phoneStatus).toContainText('En llamada')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  expect(await iceServersInUse(ana.page)).toBe(0)

  // Two-way audio, and each side hears the other party's tone.
  expect(await receivesAudio(ana.page)).toBe(true)
  expect(await receivesAudio(bruno.page)).toBe(true)
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)

  // Mute: Bruno no longer hears Ana's tone; unmute brings it back.
  const mute = ana.page.getByRole('button', { name: 'Silenciar micrófono' })
  await expect(mute).toHaveAttribute('aria-keyshortcuts', 'Alt+M')
  await mute.click()
  await expect(mute).toHaveAttribute('aria-pressed', 'true')
  await hearsSilence(bruno.page)
  await ana.page.keyboard.press('Alt+M')
  await expect(mute).toHaveAttribute('aria-pressed', 'false')
  await hears(bruno.page, ANA_HZ)

  // Hold: Bruno holds Ana; she stops sending and hears nothing from him; resume restores both.
  const hold = bruno.page.getByRole('button', { name: 'Poner en espera' })
  await expect(hold).toHaveAttribute('aria-keyshortcuts', 'Alt+O')
  await hold.click()
  await expect(bruno.phoneStatus).toContainText('En espera')
  await hearsSilence(ana.page)
  expect(await receivesAudio(bruno.page)).toBe(false)
  await bruno.page.keyboard.press('Alt+O')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)

  // Hang-up on one side ends the other; both go to after-call work.
  await bruno.page.getByRole('button', { name: 'Colgar' }).click()
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(ana.phoneStatus).toContainText('Trabajo posterior a la llamada')

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

test('a classic SIP peer rings an agent and its X-Customer-Id pops the card', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  await ana.waitForFirstSync()

  const sipp = runSippCall(dir, kamailio.sipPort, {
    extension: '1001',
    callerNumber: '+34910000000',
    callerName: 'IVR Atiende',
    headers: { 'X-Customer-Id': 'CUST-0000001' }
  })
  await expect(ana.phoneStatus).toContainText('Llamada entrante')
  await expect(ana.card).toContainText('José Núñez Peña')
  await expect(ana.card).toContainText('Identificado por el IVR')
  await ana.page.getByRole('button', { name: 'Rechazar' }).click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await expect(ana.phoneStatus).toContainText('Disponible')
})

test('phones register again after Kamailio restarts, and a declined call reports busy', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  const bruno = await phoneFor('bruno', BRUNO_HZ)

  await kamailio.stop({ keepRunDir: true })
  await expect(line(ana.page)).toContainText('No registrado')
  await kamailio.start()
  await expect(line(ana.page)).toHaveText('Registrado')
  await expect(line(bruno.page)).toHaveText('Registrado')

  await ana.page.getByLabel('Número a marcar').fill('1002')
  await ana.page.keyboard.press('Enter')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await bruno.page.keyboard.press('Alt+D')
  await expect(bruno.phoneStatus).toContainText('Disponible')
  await expect(ana.phoneStatus).toContainText('Disponible')
  await expect(ana.page.getByRole('alert')).toContainText('486')
})

test('answering a plain RTP caller without a media relay fails cleanly into wrap-up', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  const sipp = runSippCall(dir, kamailio.sipPort, {
    extension: '1001',
    callerNumber: '+34910000001',
    callerName: 'Pasarela RTC',
    headers: {}
  })
  await expect(ana.phoneStatus).toContainText('Llamada entrante')
  await ana.page.keyboard.press('Alt+A')
  const result = await sipp
  // The scenario completes only on one of the final responses it lists (480/488 expected here).
  expect(result.code, result.log).toBe(0)
  await expect(ana.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(ana.page.getByRole('alert')).toBeVisible()
  await ana.finishWithDisposition()
  await expect(ana.phoneStatus).toContainText('Disponible')
})
