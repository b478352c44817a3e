/**
 * Shared by the softphone specs: a logged-in workstation per party (one Chromium process each,
 * each speaking its own tone) and assertions on what a party hears.
 */
import { expect, type Page } from '@playwright/test'

import { WorkstationPage } from '../pages/workstation-page'
import { bytesReceived, launchPhone, toneFile, whatIsHeard, type Phone } from './phones'

/** One FFT bin at 48 kHz / 8192 is ≈ 6 Hz; Opus and resampling smear a little more. */
const HZ_TOLERANCE = 30
export const SILENCE_DB = -80

export function lineStatus(page: Page) {
  return page.getByRole('status', { name: 'Línea telefónica' })
}

/** Launches a phone speaking `hz`, logs `username` in and waits until it is registered. */
export async function openPhone(
  serverUrl: string,
  dir: string,
  username: string,
  hz: number,
  phones: Phone[]
): Promise<WorkstationPage> {
  const phone = await launchPhone(toneFile(dir, hz))
  phones.push(phone)
  await phone.page.goto(serverUrl)
  const workstation = new WorkstationPage(phone.page)
  await workstation.login(username)
  await expect(lineStatus(phone.page)).toHaveText('Registrado')
  return workstation
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
