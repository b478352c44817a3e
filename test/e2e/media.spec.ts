/**
 * The softphone's media through a real SIP proxy: the live quality indicator during a call,
 * audio device selection with Chromium's fake devices, and the pre-call check. Kamailio (repo
 * config) on loopback, the central server provisioning each user's extension, one Chromium
 * process per agent, each "speaking" its own tone.
 */

import { expect, test, type Page } from '@playwright/test'

import type { ServerProcess } from '../support/server-process'
import { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'
import { launchPhone, toneFile, type Phone } from './support/phones'
import { hears, hearsSilence, lineStatus, receivesAudio } from './support/softphones'

const ANA_HZ = 440
const BRUNO_HZ = 1000

declare global {
  interface Window {
    /** Every output device id an audio element was routed to, oldest first (instrumentation). */
    __e2eSinks?: string[]
  }
}

let system: PhoneSystem
let server: ServerProcess
let dir: string
const phones: Phone[] = []

interface PhoneOptions {
  /** Written to localStorage before the app starts, as if saved on an earlier day. */
  savedDevices?: Record<string, string | null>
}

async function phoneFor(username: string, hz: number, options: PhoneOptions = {}) {
  const phone = await launchPhone(toneFile(dir, hz))
  phones.push(phone)
  const context = phone.page.context()
  // Test-side only: record where audio elements are routed (the app ships no test hook).
  await context.addInitScript(() => {
    const sinks: string[] = []
    window.__e2eSinks = sinks
    const native: unknown = Reflect.get(HTMLMediaElement.prototype, 'setSinkId')
    if (typeof native !== 'function') return
    HTMLMediaElement.prototype.setSinkId = function (this: HTMLMediaElement, id: string) {
      sinks.push(id)
      const result: unknown = Reflect.apply(native, this, [id])
      return result instanceof Promise ? result.then(() => undefined) : Promise.resolve()
    }
  })
  if (options.savedDevices) {
    await context.addInitScript((saved) => {
      localStorage.setItem('atiende.audio-devices', saved)
    }, JSON.stringify(options.savedDevices))
  }
  await phone.page.goto(server.url)
  const workstation = new WorkstationPage(phone.page)
  await workstation.login(username)
  await expect(lineStatus(phone.page)).toHaveText('Registrado')
  return workstation
}

function openSettings(page: Page) {
  return page.getByText('Ajustes del teléfono', { exact: true }).click()
}

/** The id Chromium gives a fake device in this page (ids are per origin and profile). */
function deviceId(page: Page, label: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const found = (await navigator.mediaDevices.enumerateDevices()).find((d) => d.label === wanted)
    if (!found) throw new Error(`no device ${wanted}`)
    return found.deviceId
  }, label)
}

/** What the latest call sends as its microphone. */
function sentMicrophone(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      window.__e2ePeerConnections
        ?.at(-1)
        ?.getSenders()
        .find((s) => s.track?.kind === 'audio')?.track?.label ?? null
  )
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
  system = await startPhoneSystem('media')
  ;({ server, dir } = system)
})

test.afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
})

test.afterAll(async () => {
  await system.stop()
})

test('during a call both agents see a live quality indicator with a MOS estimate', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  const bruno = await phoneFor('bruno', BRUNO_HZ)
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

test('the agent switches microphone and call output mid-call without dropping it; the ringer rings on its own device; choices survive a reload', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  const bruno = await phoneFor('bruno', BRUNO_HZ)
  const page = ana.page
  await openSettings(page)
  const microphone = page.getByLabel('Micrófono', { exact: true })
  const output = page.getByLabel('Salida de la llamada (auriculares)')
  const ringer = page.getByLabel('Timbre', { exact: true })
  await expect(microphone.locator('option')).toContainText(['Fake Audio Input 1'])

  // The ringer: a loudspeaker, apart from the headset.
  await ringer.selectOption({ label: 'Fake Audio Output 1' })
  const ringerId = await deviceId(page, 'Fake Audio Output 1')
  await bruno.page.getByLabel('Número a marcar').fill('1001')
  await bruno.page.getByRole('button', { name: 'Llamar', exact: true }).click()
  await expect(ana.phoneStatus).toContainText('Llamada entrante')
  await expect.poll(() => page.evaluate(() => window.__e2eSinks ?? [])).toContain(ringerId)
  await page.getByRole('button', { name: 'Contestar' }).click()
  await expect(ana.phoneStatus).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)
  expect(await sentMicrophone(page)).toBe('Fake Default Audio Input')

  // Mid-call: another microphone (replaceTrack, no renegotiation) and another output.
  await microphone.selectOption({ label: 'Fake Audio Input 1' })
  await expect.poll(() => sentMicrophone(page)).toBe('Fake Audio Input 1')
  const outputId = await deviceId(page, 'Fake Audio Output 2')
  await output.selectOption({ label: 'Fake Audio Output 2' })
  await expect.poll(() => page.evaluate(() => window.__e2eSinks?.at(-1))).toBe(outputId)
  await expect(ana.phoneStatus).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)
  expect(await receivesAudio(page)).toBe(true)
  await hears(page, BRUNO_HZ)

  // A muted agent stays muted when the microphone changes under the call.
  await page.getByRole('button', { name: 'Silenciar micrófono' }).click()
  await hearsSilence(bruno.page)
  await microphone.selectOption({ label: 'Predeterminado del sistema' })
  await expect.poll(() => sentMicrophone(page)).toBe('Fake Default Audio Input')
  await hearsSilence(bruno.page)
  await page.getByRole('button', { name: 'Silenciar micrófono' }).click()
  await hears(bruno.page, ANA_HZ)
  await microphone.selectOption({ label: 'Fake Audio Input 1' })

  await page.getByRole('button', { name: 'Colgar' }).click()
  await expect(ana.phoneStatus).toContainText('Trabajo posterior a la llamada')

  // Saved on this machine: after a reload the same devices are chosen.
  await page.reload()
  // The session is restored after a reload: straight back to the workstation.
  await expect(page.getByRole('heading', { name: 'Teléfono' })).toBeVisible()
  await openSettings(page)
  await expect(microphone.locator('option:checked')).toHaveText('Fake Audio Input 1')
  await expect(output.locator('option:checked')).toHaveText('Fake Audio Output 2')
  await expect(ringer.locator('option:checked')).toHaveText('Fake Audio Output 1')
})

test('a saved microphone that is no longer plugged in falls back to the default, and calls carry audio', async () => {
  const ana = await phoneFor('ana', ANA_HZ, {
    savedDevices: { microphoneId: 'unplugged-headset', speakerId: 'unplugged-out', ringerId: null }
  })
  const bruno = await phoneFor('bruno', BRUNO_HZ)
  await openSettings(ana.page)
  await expect(
    ana.page.getByText('Micrófono: el dispositivo elegido no está conectado')
  ).toBeVisible()
  await expect(
    ana.page.getByLabel('Micrófono', { exact: true }).locator('option:checked')
  ).toHaveText('Predeterminado del sistema')

  await call(bruno, ana, '1001')
  expect(await sentMicrophone(ana.page)).toBe('Fake Default Audio Input')
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
})

test('the pre-call check shows the microphone level and reaches the SIP server and ICE', async () => {
  const ana = await phoneFor('ana', ANA_HZ)
  const page = ana.page
  await openSettings(page)
  const check = page.getByRole('group', { name: 'Comprobación antes de llamar' })

  await check.getByRole('button', { name: 'Probar micrófono' }).click()
  const meter = check.getByRole('meter', { name: 'Nivel del micrófono' })
  // The fake microphone plays a steady tone: the meter moves well above silence.
  await expect.poll(() => meter.evaluate((m: HTMLMeterElement) => m.value)).toBeGreaterThan(0.1)
  await check.getByRole('button', { name: 'Parar la prueba del micrófono' }).click()
  await expect.poll(() => meter.evaluate((m: HTMLMeterElement) => m.value)).toBe(0)

  const outputId = '' // the system default output
  await check.getByRole('button', { name: 'Probar la salida de la llamada' }).click()
  await expect(check.getByText('Suena un tono durante un segundo')).toBeVisible()
  await expect.poll(() => page.evaluate(() => window.__e2eSinks ?? [])).toContain(outputId)
  await expect(check.getByRole('button', { name: 'Probar el timbre' })).toBeEnabled()

  await check.getByRole('button', { name: 'Probar la red' }).click()
  const result = check.getByRole('status', { name: 'Resultado de la prueba de red' })
  await expect(result).toContainText('Servidor SIP alcanzable: ws://127.0.0.1')
  await expect(result).toContainText(/ICE: \d+ candidatos \(host\)/)
})
