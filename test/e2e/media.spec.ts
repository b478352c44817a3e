/**
 * The softphone's media through a real SIP proxy: the live quality indicator during a call,
 * audio device selection with Chromium's fake devices, and the pre-call check. Kamailio (repo
 * config) on loopback, the central server provisioning each user's extension, one Chromium
 * process per agent, each "speaking" its own tone.
 */
import type { BrowserContext, Page } from '@playwright/test'

import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import {
  TONE_HZ,
  hears,
  hearsSilence,
  receivesAudio,
  type Phones,
  type PhoneUser
} from './support/softphones'

const ANA_HZ = TONE_HZ.ana
const BRUNO_HZ = TONE_HZ.bruno

test.use({ phoneSystem: true })

declare global {
  interface Window {
    /** Every output device id an audio element was routed to, oldest first (instrumentation). */
    __e2eSinks?: string[]
  }
}

interface PhoneOptions {
  /** Written to localStorage before the app starts, as if saved on an earlier day. */
  savedDevices?: Record<string, string | null>
}

async function instrument(context: BrowserContext, options: PhoneOptions): Promise<void> {
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
}

/** `username`'s phone, recording where its audio is routed. */
function phoneFor(
  phones: Phones,
  username: PhoneUser,
  options: PhoneOptions = {}
): Promise<Workstation> {
  return phones.open(username, { prepare: (context) => instrument(context, options) })
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

async function call(from: Workstation, to: Workstation, extension: string) {
  await from.softphone.dial(extension)
  await expect(to.softphone.status).toContainText('Llamada entrante')
  await to.softphone.answer.click()
  await expect(from.softphone.status).toContainText('En llamada')
  await expect(to.softphone.status).toContainText('En llamada')
}

test('during a call both agents see a live quality indicator with a MOS estimate', async ({
  phones
}) => {
  const ana = await phoneFor(phones, 'ana')
  const bruno = await phoneFor(phones, 'bruno')
  await call(ana, bruno, '1002')

  for (const agent of [ana, bruno]) {
    const quality = agent.softphone.quality
    // Loopback loses nothing and adds no delay: the estimate is at the narrowband ceiling.
    await expect(quality).toContainText(/MOS 4\.[34]/)
    await expect(quality).toContainText('Buena')
    await expect(quality).toContainText('Pérdida 0 %')
    await expect(quality.getByRole('meter', { name: 'Calidad estimada (MOS)' })).toBeVisible()
  }

  await bruno.softphone.hangUp.click()
  await expect(ana.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ana.softphone.quality).toHaveCount(0)
})

test('the agent switches microphone and call output mid-call without dropping it; the ringer rings on its own device; choices survive a reload', async ({
  phones
}) => {
  const ana = await phoneFor(phones, 'ana')
  const bruno = await phoneFor(phones, 'bruno')
  const page = ana.page
  await ana.phoneSettings.open()
  const { microphone, output, ringer } = ana.phoneSettings
  await expect(microphone.locator('option')).toContainText(['Fake Audio Input 1'])

  // The ringer: a loudspeaker, apart from the headset.
  await ringer.selectOption({ label: 'Fake Audio Output 1' })
  const ringerId = await deviceId(page, 'Fake Audio Output 1')
  await bruno.softphone.dial('1001')
  await expect(ana.softphone.status).toContainText('Llamada entrante')
  await expect.poll(() => page.evaluate(() => window.__e2eSinks ?? [])).toContain(ringerId)
  await ana.softphone.answer.click()
  await expect(ana.softphone.status).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)
  expect(await sentMicrophone(page)).toBe('Fake Default Audio Input')

  // Mid-call: another microphone (replaceTrack, no renegotiation) and another output.
  await microphone.selectOption({ label: 'Fake Audio Input 1' })
  await expect.poll(() => sentMicrophone(page)).toBe('Fake Audio Input 1')
  const outputId = await deviceId(page, 'Fake Audio Output 2')
  await output.selectOption({ label: 'Fake Audio Output 2' })
  await expect.poll(() => page.evaluate(() => window.__e2eSinks?.at(-1))).toBe(outputId)
  await expect(ana.softphone.status).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)
  expect(await receivesAudio(page)).toBe(true)
  await hears(page, BRUNO_HZ)

  // A muted agent stays muted when the microphone changes under the call.
  await ana.softphone.mute.click()
  await hearsSilence(bruno.page)
  await microphone.selectOption({ label: 'Predeterminado del sistema' })
  await expect.poll(() => sentMicrophone(page)).toBe('Fake Default Audio Input')
  await hearsSilence(bruno.page)
  await ana.softphone.mute.click()
  await hears(bruno.page, ANA_HZ)
  await microphone.selectOption({ label: 'Fake Audio Input 1' })

  await ana.softphone.hangUp.click()
  await expect(ana.softphone.status).toContainText('Trabajo posterior a la llamada')

  // Saved on this machine: after a reload the same devices are chosen.
  await page.reload()
  // The session is restored after a reload: straight back to the workstation.
  await expect(ana.softphone.heading).toBeVisible()
  await ana.phoneSettings.open()
  await expect(microphone.locator('option:checked')).toHaveText('Fake Audio Input 1')
  await expect(output.locator('option:checked')).toHaveText('Fake Audio Output 2')
  await expect(ringer.locator('option:checked')).toHaveText('Fake Audio Output 1')
})

test('a saved microphone that is no longer plugged in falls back to the default, and calls carry audio', async ({
  phones
}) => {
  const ana = await phoneFor(phones, 'ana', {
    savedDevices: { microphoneId: 'unplugged-headset', speakerId: 'unplugged-out', ringerId: null }
  })
  const bruno = await phoneFor(phones, 'bruno')
  await ana.phoneSettings.open()
  await expect(
    ana.page.getByText('Micrófono: el dispositivo elegido no está conectado')
  ).toBeVisible()
  await expect(ana.phoneSettings.microphone.locator('option:checked')).toHaveText(
    'Predeterminado del sistema'
  )

  await call(bruno, ana, '1001')
  expect(await sentMicrophone(ana.page)).toBe('Fake Default Audio Input')
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
})

test('the pre-call check shows the microphone level and reaches the SIP server and ICE', async ({
  phones
}) => {
  const ana = await phoneFor(phones, 'ana')
  const page = ana.page
  await ana.phoneSettings.open()
  const check = ana.phoneSettings.precall

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
