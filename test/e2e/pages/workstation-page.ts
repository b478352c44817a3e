/** The agent's workstation, found the way a person (or a screen reader) finds things. */
import { expect, type Browser, type Locator, type Page } from '@playwright/test'

export class WorkstationPage {
  constructor(readonly page: Page) {}

  /**
   * A second person at their own workstation: a fresh browser context (its own storage and
   * data worker) on the server's browser edition, logged in as `username`. Close its
   * `page.context()` at the end.
   */
  static async loggedIn(browser: Browser, url: string, username: string): Promise<WorkstationPage> {
    const page = await (await browser.newContext()).newPage()
    await page.goto(url)
    const workstation = new WorkstationPage(page)
    await workstation.login(username)
    return workstation
  }

  async login(username: string, password = 'atiende'): Promise<void> {
    await this.page.getByLabel('Usuario').fill(username)
    await this.page.getByLabel('Contraseña').fill(password)
    await this.page.getByRole('button', { name: 'Entrar' }).click()
    await expect(this.page.getByRole('heading', { name: 'Teléfono' })).toBeVisible()
  }

  get phoneStatus(): Locator {
    return this.page.getByRole('status', { name: 'Teléfono' })
  }

  get syncStatus(): Locator {
    return this.page.getByRole('status', { name: 'Estado de sincronización' })
  }

  get card(): Locator {
    return this.page.getByRole('region', { name: 'Ficha del cliente' })
  }

  get complaints(): Locator {
    return this.page.getByRole('region', { name: 'Quejas registradas' })
  }

  /** Waits until the first pull filled the customer cache. */
  async waitForFirstSync(): Promise<void> {
    await expect(this.syncStatus).not.toContainText('nunca', { timeout: 60_000 })
  }

  async startPracticeCall(scenarioLabel: string): Promise<void> {
    await this.page.getByLabel('Escenario de práctica').selectOption({ label: scenarioLabel })
    await this.page.getByRole('button', { name: 'Iniciar llamada de práctica' }).click()
  }

  async logComplaint(category: string, description: string): Promise<void> {
    await this.page.getByLabel(/^Categoría/).selectOption({ label: category })
    await this.page.getByLabel('Descripción').fill(description)
    await this.page.getByRole('button', { name: 'Guardar queja' }).click()
  }

  /** The wrap-up's disposition form, shown while a call is in after-call work. */
  get wrapUp(): Locator {
    return this.page.getByRole('region', { name: 'Disposición de la llamada' })
  }

  /**
   * Gives the call in wrap-up a disposition and finishes: the wrap-up does not end without one.
   * The phone's own finish button is refused until then.
   */
  async finishWithDisposition(label = 'Resuelto en la llamada'): Promise<void> {
    await this.wrapUp.getByRole('radio', { name: label }).check()
    await this.wrapUp
      .getByRole('button', { name: 'Guardar disposición y terminar (Ctrl+Intro)' })
      .click()
  }

  complaint(description: string): Locator {
    return this.complaints.getByRole('listitem', { name: description })
  }
}
