/**
 * A customer's phone without the app: one Chromium process (its microphone plays the party's
 * tone) on a bare page that registers a PSTN line with SIP.js and dials (customer-phone/page.ts).
 * Opening the full app as a customer's phone cost a login and a first sync (10–12 s on a loaded
 * machine) on every answered call; this registers in about a second. Its `softphone` reads like
 * the app's (`dial`, `status`, `hangUp`), so a spec drives either phone the same way.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'

import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { build } from 'vite'

import { launchPhone } from './phones'

/** Where the global setup serves the page, for the workers. */
const URL_ENV = 'ATIENDE_E2E_CUSTOMER_PHONE'

/**
 * Bundles the page script with SIP.js and serves it on loopback for the run (global setup);
 * resolves with the server's close. A real loopback server, not a routed page: Chromium's local
 * network access checks block a routed page's WebSocket to Kamailio.
 */
export async function serveCustomerPhone(dir: string): Promise<() => Promise<void>> {
  const outDir = resolve(dir, 'customer-phone')
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(import.meta.dirname, 'customer-phone/page.ts'),
        formats: ['iife'],
        name: 'customerPhone',
        fileName: () => 'phone.js'
      }
    }
  })
  const script = await readFile(resolve(outDir, 'phone.js'))
  const server = createServer((request, response) => {
    if (request.url === '/phone.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(script)
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(PAGE)
    }
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  process.env[URL_ENV] = `http://127.0.0.1:${String(port)}/phone.html`
  return () =>
    new Promise<void>((closed) => {
      server.close(() => {
        closed()
      })
    })
}

const PAGE = `<!doctype html>
<html lang="es">
  <head><meta charset="utf-8" /><title>Teléfono del cliente</title></head>
  <body>
    <h1>Teléfono del cliente</h1>
    <p id="status" role="status" aria-label="Teléfono">Sin registrar</p>
    <label>Número <input id="target" /></label>
    <label>Sesión de práctica <input id="practice" /></label>
    <button id="dial" type="button">Llamar</button>
    <button id="hangup" type="button">Colgar</button>
    <audio id="remote" autoplay></audio>
    <script src="phone.js"></script>
  </body>
</html>`

export interface CustomerLine {
  /** The line's number as it registers and signals it in the From (`612345678`). */
  number: string
  /** The name its carrier passes, if any. */
  displayName?: string
}

/** The phone's controls, named like the app's softphone page object. */
export class CustomerSoftphone {
  readonly status: Locator
  readonly hangUp: Locator
  readonly #number: Locator
  readonly #practice: Locator
  readonly #call: Locator

  constructor(page: Page) {
    this.status = page.getByRole('status', { name: 'Teléfono' })
    this.hangUp = page.getByRole('button', { name: 'Colgar' })
    this.#number = page.getByLabel('Número')
    this.#practice = page.getByLabel('Sesión de práctica')
    this.#call = page.getByRole('button', { name: 'Llamar' })
  }

  /**
   * Dials `target` (an extension or number at the SIP domain); with `practiceSession`, the INVITE
   * carries it as a trainer's role-play does.
   */
  async dial(target: string, options: { practiceSession?: string } = {}): Promise<void> {
    await this.#number.fill(target)
    await this.#practice.fill(options.practiceSession ?? '')
    await this.#call.click()
  }
}

export interface CustomerPhone {
  readonly browser: Browser
  readonly page: Page
  readonly softphone: CustomerSoftphone
}

/** Opens a customer's phone on `line`, speaking `wav`, registered at `wsUrl` (Kamailio). */
export async function openCustomerPhone(
  wsUrl: string,
  line: CustomerLine,
  wav: string
): Promise<CustomerPhone> {
  const url = process.env[URL_ENV]
  if (url === undefined) throw new Error('the e2e global setup did not serve the phone page')
  const { browser, page } = await launchPhone(wav)
  const query = new URLSearchParams({ ws: wsUrl, user: line.number })
  if (line.displayName !== undefined) query.set('name', line.displayName)
  await page.goto(`${url}?${query.toString()}`)
  const softphone = new CustomerSoftphone(page)
  await expect(softphone.status).toHaveText('Registrado')
  return { browser, page, softphone }
}
