/**
 * The e2e specs' setup, as Playwright fixtures: the server (shared by the worker's specs unless a
 * spec asks for its own), the phone system (Kamailio), the workstation on the test's page, other
 * people at their own desks, and phones (one Chromium process per party, each with its tone).
 *
 * A spec chooses its environment with `test.use`:
 * - nothing: the shared server;
 * - `{ phoneSystem: true }`: the shared phone system (Kamailio and its server);
 * - `{ ownServer: true }` (or an object of environment variables): a server for this file only,
 *   for specs whose checks count everything on the server or that break or reconfigure it;
 *   with `phoneSystem: true`, a phone system for this file only.
 * A `beforeAll` reaches the same environment through `environments.for(testInfo.file, choice)`.
 */
import { test as base, type Browser } from '@playwright/test'

import type { KamailioProcess } from '@support/kamailio'
import type { ServerProcess } from '@support/server-process'
import { Workstation } from './pages/workstation'
import { Environments, type EnvironmentChoice } from './support/environments'
import { runSippCall, type SippCall } from './support/sipp'
import { Phones } from './support/softphones'

/** Other people, each in a fresh context of the test's browser (own storage and data worker). */
export class Colleagues {
  readonly #open: Workstation[] = []

  constructor(
    private readonly browser: Browser,
    private readonly serverUrl: string
  ) {}

  /** `username` logged in at their own workstation. */
  async open(username: string): Promise<Workstation> {
    const page = await (await this.browser.newContext()).newPage()
    const workstation = new Workstation(page)
    this.#open.push(workstation)
    await page.goto(this.serverUrl)
    await workstation.login(username)
    return workstation
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((w) => w.close()))
  }
}

/** sipp as a classic SIP peer calling through the phone system's Kamailio. */
export interface SipPeer {
  call(call: SippCall): Promise<{ code: number | null; log: string }>
}

interface Fixtures {
  /** The central server this test runs against (see the file comment for which one). */
  server: ServerProcess
  /** The phone system's Kamailio; only with `phoneSystem: true`. */
  kamailio: KamailioProcess
  sipPeer: SipPeer
  /** The workstation on the test's page, opened on the server's browser edition. */
  workstation: Workstation
  colleagues: Colleagues
  phones: Phones
}

interface WorkerFixtures {
  environments: Environments
}

export const test = base.extend<Fixtures & EnvironmentChoice, WorkerFixtures>({
  phoneSystem: [false, { option: true }],
  ownServer: [false, { option: true }],
  environments: [
    async ({}, use) => {
      const environments = new Environments()
      await use(environments)
      await environments.stop()
    },
    { scope: 'worker' }
  ],
  server: async ({ environments, phoneSystem, ownServer }, use, testInfo) => {
    const { server } = await environments.for(testInfo.file, { phoneSystem, ownServer })
    await use(server)
  },
  kamailio: async ({ environments, phoneSystem, ownServer }, use, testInfo) => {
    const { kamailio } = await environments.for(testInfo.file, { phoneSystem, ownServer })
    if (!kamailio) throw new Error('this spec needs `test.use({ phoneSystem: true })`')
    await use(kamailio)
  },
  sipPeer: async ({ environments, kamailio }, use) => {
    await use({ call: (call) => runSippCall(environments.dir, kamailio.sipPort, call) })
  },
  workstation: async ({ page, server }, use) => {
    await page.goto(server.url)
    await use(new Workstation(page))
  },
  colleagues: async ({ browser, server }, use) => {
    const colleagues = new Colleagues(browser, server.url)
    await use(colleagues)
    await colleagues.closeAll()
  },
  phones: async ({ environments, server, phoneSystem, ownServer }, use, testInfo) => {
    const { kamailio } = await environments.for(testInfo.file, { phoneSystem, ownServer })
    const phones = new Phones(server.url, environments.dir, kamailio?.wsUrl ?? null)
    await use(phones)
    await phones.closeAll()
  }
})

export { expect } from '@playwright/test'
