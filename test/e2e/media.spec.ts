/**
 * The softphone's media through a real SIP proxy: the live quality indicator during a call,
 * audio device selection with Chromium's fake devices, and the pre-call check. Kamailio (repo
 * config) on loopback, the central server provisioning each user's extension, one Chromium
 * process per agent, each "speaking" its own tone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { KamailioProcess } from '../support/kamailio'
import { ServerProcess } from '../support/server-process'
import { WorkstationPage } from './pages/workstation-page'
import { launchPhone, toneFile, type Phone } from './support/phones'

let kamailio: KamailioProcess
let server: ServerProcess
let dir: string
const phones: Phone[] = []

async function phoneFor(username: string, hz: number): Promise<WorkstationPage> {
  const phone = await launchPhone(toneFile(dir, hz))
  phones.push(phone)
  await phone.page.goto(server.url)
  const workstation = new WorkstationPage(phone.page)
  await workstation.login(username)
  await expect(phone.page.getByRole('status', { name: 'Línea telefónica' })).toHaveText(
    'Registrado'
  )
  return workstation
}

async function call(from: WorkstationPage, to: WorkstationPage, extension: string) {
  await from.page.getByLabel('Número a marcar').fill(extension)
  await from.page.getByRole('button', { name: 'Llamar', exact: true }).click()
  await expect(to.phoneStatus).toContainText('Llamada entrante')
  await to.page.getByRole('button', { name: 'Contestar' }).click()
  await expect(from.phoneStatus).toContainText('En llamada')
  await expect(to.phoneStatus).toContainText('En llamada')
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atiende-media-'))
  kamailio = await KamailioProcess.create()
  await kamailio.start()
  server = await ServerProcess.create({ ATIENDE_SIP_WS: kamailio.wsUrl })
  await server.start()
})

test.afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
})

test.afterAll(async () => {
  await server.stop()
  await kamailio.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('during a call both agents see a live quality indicator with a MOS estimate', async () => {
  const ana = await phoneFor('ana', 440)
  const bruno = await phoneFor('bruno', 1000)
  await call(ana, bruno, '1002')

  for (const agent of [ana, bruno]) {
    const quality = agent.page.getByRole('group', { name: 'Calidad de la llamada' })
    // Loopback loses nothing and adds no delay: the estimate is at the narrowband ceiling.
    await expect(quality).toContainText(/MOS 4\.[34]/)
    await expect(quality).toContainText('Buena')
    await expect(quality).toContainText('Pérdida 0 %')
    await expect(quality.getByRole('meter', { name: 'Calidad estimada (MOS)' })).toBeVisible()
  }

  await bruno.page.getByRole('button', { name: 'Colgar' }).click()
  await expect(ana.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(ana.page.getByRole('group', { name: 'Calidad de la llamada' })).toHaveCount(0)
})
