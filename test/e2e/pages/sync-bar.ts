/** The sync status in the top bar, and its list of records with problems. */
import { expect, type Locator, type Page } from '@playwright/test'

export class SyncBar {
  readonly status: Locator
  /** The disclosure that opens the list ("Ver registros con problemas (n)"). */
  readonly problemsToggle: Locator
  readonly problems: Locator

  constructor(private readonly page: Page) {
    this.status = page.getByRole('status', { name: 'Estado de sincronización' })
    this.problemsToggle = page.getByText(/Ver registros con problemas/)
    this.problems = page.getByRole('region', { name: 'Registros con problemas' })
  }

  /** The disclosure when it counts `count` records. */
  problemsToggleWith(count: number): Locator {
    return this.page.getByText(`Ver registros con problemas (${String(count)})`)
  }

  /** Waits until the first pull filled the customer cache. */
  async waitForFirstSync(): Promise<void> {
    await expect(this.status).not.toContainText('nunca', { timeout: 60_000 })
  }
}
