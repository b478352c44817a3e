/**
 * Phones for the softphone specs: a logged-in workstation per party, each in its own Chromium
 * process speaking its own tone (the fake microphone file is per process), and assertions on
 * what a party hears.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test'

import { Workstation } from '../pages/workstation'
import { bytesReceived, launchPhone, toneFile, whatIsHeard, type Phone } from './phones'

/** The tone each person's microphone plays, so a test can tell whom a phone hears. */
export const TONE_HZ = { ana: 440, bruno: 1000, diego: 1700 } as const
export type PhoneUser = keyof typeof TONE_HZ

/** One FFT bin at 48 kHz / 8192 is ≈ 6 Hz; Opus and resampling smear a little more. */
const HZ_TOLERANCE = 30
export const SILENCE_DB = -80

export interface OpenPhoneOptions {
  /** Runs on the new browser context before the app loads (init scripts, saved storage). */
  prepare?: (context: BrowserContext) => Promise<void>
}

/** The phones opened on one server; `closeAll` shuts their browsers. */
export class Phones {
  readonly #open: Phone[] = []

  constructor(
    private readonly serverUrl: string,
    private readonly dir: string
  ) {}

  /** Launches `username`'s phone speaking their tone, logs in and waits until it is registered. */
  async open(username: PhoneUser, options: OpenPhoneOptions = {}): Promise<Workstation> {
    const phone = await launchPhone(toneFile(this.dir, TONE_HZ[username]))
    this.#open.push(phone)
    await options.prepare?.(phone.page.context())
    await phone.page.goto(this.serverUrl)
    const workstation = new Workstation(phone.page)
    await workstation.login(username)
    await expect(workstation.softphone.line).toHaveText('Registrado')
    return workstation
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((p) => p.browser.close()))
  }
}

export async function hears(page: Page, hz: number): Promise<void> {
  await expect
    .poll(async () => {
      const heard = await whatIsHeard(page)
      return heard.db > SILENCE_DB && Math.abs(heard.hz - hz) < HZ_TOLERANCE
    })
    .toBe(true)
}

export async function hearsSilence(page: Page): Promise<void> {
  await expect.poll(async () => (await whatIsHeard(page)).db).toBeLessThan(SILENCE_DB)
}

export async function receivesAudio(page: Page): Promise<boolean> {
  const before = await bytesReceived(page)
  await page.waitForTimeout(1000)
  return (await bytesReceived(page)) > before + 1000
}
