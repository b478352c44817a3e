import { test as base } from '@playwright/test'

import { WorkstationPage } from './pages/workstation-page'
import { ServerProcess } from '../support/server-process'

interface Fixtures {
  /** A central server child process on its own port and data folder; stopped after the test. */
  server: ServerProcess
  /** The agent workstation page model, opened on the server's browser edition. */
  workstation: WorkstationPage
}

export const test = base.extend<Fixtures>({
  server: async ({}, use) => {
    const server = await ServerProcess.create()
    await server.start()
    await use(server)
    await server.stop()
  },
  workstation: async ({ page, server }, use) => {
    await page.goto(server.url)
    await use(new WorkstationPage(page))
  }
})

export { expect } from '@playwright/test'
