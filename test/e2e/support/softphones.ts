/**
 * Phones for the softphone specs: a logged-in workstation per party, each in its own Chromium
 * process speaking its own tone (the fake microphone file is per process), and assertions on
 * what a party hears.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test'

import { Workstation } from '../pages/workstation'
import { openCustomerPhone, type CustomerLine, type CustomerPhone } from './customer-phone'
import { playedLevels } from './played-audio'
import { bytesReceived, launchPhone, toneFile, whatIsHeard, type Phone } from './phones'

/**
 * The tone each person's microphone plays, so a test can tell whom a phone hears. The leads' and
 * the trainer's are far from the agents' tones and from their harmonics and sums (2200 would be
 * 5 × 440).
 */
export const TONE_HZ = {
  ana: 440,
  bruno: 1000,
  diego: 1700,
  carla: 2900,
  elena: 3400,
  tomas: 2500
} as const
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
    private readonly dir: string,
    /** The phone system's WebSocket, when the spec has one (customers' phones need it). */
    private readonly sipWsUrl: string | null = null
  ) {}

  /**
   * A customer's phone (no app: customer-phone.ts) on `line`, speaking `tone`, registered and
   * ready to dial.
   */
  async customer(line: CustomerLine, tone: number = TONE_HZ.diego): Promise<CustomerPhone> {
    if (this.sipWsUrl === null) throw new Error('a customer phone needs `phoneSystem: true`')
    const phone = await openCustomerPhone(this.sipWsUrl, line, toneFile(this.dir, tone))
    this.#open.push(phone)
    return phone
  }

  /** Launches `username`'s phone speaking their tone, logs in and waits until it is registered. */
  async open(username: PhoneUser, options: OpenPhoneOptions = {}): Promise<Workstation> {
    const phone = await launchPhone(toneFile(this.dir, TONE_HZ[username]))
    this.#open.push(phone)
    await options.prepare?.(phone.page.context())
    await phone.page.goto(this.serverUrl)
    const workstation = new Workstation(phone.page)
    await workstation.login(username)
    // A lead lands on the team's workspace: the line's status is on the desk.
    await workstation.softphone.openDesk()
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

/**
 * Something is playing in the page (any frequency: a voice, not a tone), measured in what the
 * page plays (played-audio.ts: the probe must be installed before the app loads).
 */
export async function hearsSomeSound(page: Page): Promise<void> {
  await expect
    .poll(async () => (await playedLevels(page, [], 500)).peakDb, { timeout: 15_000 })
    .toBeGreaterThan(SILENCE_DB)
}

export async function hearsSilence(page: Page): Promise<void> {
  await expect.poll(async () => (await whatIsHeard(page)).db).toBeLessThan(SILENCE_DB)
}

export async function receivesAudio(page: Page): Promise<boolean> {
  const before = await bytesReceived(page)
  await page.waitForTimeout(1000)
  return (await bytesReceived(page)) > before + 1000
}

/**
 * A tone played at least this loud (analyser dB, ±HZ_TOLERANCE) is heard. Measured here through
 * Kamailio and Opus: a party's tone plays at -20…-35 dB, a tone nobody sends at -80…-140 dB.
 */
export const TONE_HEARD_DB = -55
/** At most this loud, the tone is not there (the codec's noise and the mix's leak stay below). */
export const TONE_ABSENT_DB = -70

export interface ToneExpectation {
  /** Frequencies the page must be playing. */
  yes?: readonly number[]
  /** Frequencies it must not be playing. */
  no?: readonly number[]
}

/**
 * Waits until what `page` actually plays (its playing, unmuted media elements and WebAudio
 * output) has every `yes` tone and none of the `no` tones; fails with the last levels measured.
 */
export async function hearsTones(
  page: Page,
  { yes = [], no = [] }: ToneExpectation,
  timeout = 15_000
): Promise<void> {
  const frequencies = [...yes, ...no]
  const expected: Record<number, string> = {}
  for (const hz of yes) expected[hz] = 'heard'
  for (const hz of no) expected[hz] = 'absent'
  let last: Record<number, number> = {}
  try {
    await expect
      .poll(
        async () => {
          last = (await playedLevels(page, frequencies)).db
          return Object.fromEntries(
            frequencies.map((hz) => {
              const db = last[hz] ?? -Infinity
              const heard =
                db >= TONE_HEARD_DB ? 'heard' : db <= TONE_ABSENT_DB ? 'absent' : 'faint'
              return [hz, heard]
            })
          )
        },
        { timeout }
      )
      .toEqual(expected)
  } catch (error) {
    const levels = Object.entries(last)
      .map(([hz, db]) => `${hz} Hz: ${String(db)} dB`)
      .join(', ')
    throw new Error(`${(error as Error).message}\nlast levels played: ${levels}`)
  }
}
