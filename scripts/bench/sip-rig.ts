/**
 * The SIP parts the benchmarks share: a real Kamailio on loopback, the server settings that
 * point the agents' softphones at it, a desk phone in this Node process (UDP, registered), and
 * an agent logged in to the browser edition whose line has registered.
 */
import type { Page } from '@playwright/test'

import { KamailioProcess, kamailioPath } from '@support/kamailio'
import { UdpSipEndpoint } from './udp-sip-endpoint'

/** The demo data's SIP domain, which Kamailio's config and the server both default to. */
export const SIP_DOMAIN = 'atiende.local'
/** The desk phone's extension: outside the demo users' ranges (1001…, 2001…, 3001, 9001). */
export const DESK_EXTENSION = '7001'

/** Why SIP benchmarks cannot run here, or null when Kamailio is installed. */
export function kamailioMissing(): string | null {
  return kamailioPath() === undefined
    ? 'kamailio not found (install it with scripts/install-system-deps.sh or set KAMAILIO_PATH)'
    : null
}

export interface SipProxy {
  kamailio: KamailioProcess
  /** Environment for the server process, so the softphones it provisions register here. */
  serverEnv: Record<string, string>
}

export async function startSipProxy(): Promise<SipProxy> {
  const kamailio = await KamailioProcess.create()
  await kamailio.start()
  return { kamailio, serverEnv: { ATIENDE_SIP_WS: kamailio.wsUrl } }
}

/** A desk phone registered on `proxy` as `user`. */
export async function openDeskPhone(
  proxy: SipProxy,
  user = DESK_EXTENSION
): Promise<UdpSipEndpoint> {
  const desk = await UdpSipEndpoint.open({
    proxyPort: proxy.kamailio.sipPort,
    user,
    domain: SIP_DOMAIN
  })
  await desk.register()
  return desk
}

export function phoneStatus(page: Page) {
  return page.getByRole('status', { name: 'Teléfono' })
}

/** The agent's phone is back to "Disponible" (no call, no wrap-up). */
export async function waitIdle(page: Page): Promise<void> {
  await phoneStatus(page).getByText('Disponible').waitFor()
}

/** Logs `username` in to the browser edition at `url` and waits until its line registered. */
export async function loginAgent(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Usuario').fill(username)
  await page.getByLabel('Contraseña').fill('atiende')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await page
    .getByRole('status', { name: 'Línea telefónica' })
    .getByText('Registrado', { exact: true })
    .waitFor({ timeout: 60_000 })
}
