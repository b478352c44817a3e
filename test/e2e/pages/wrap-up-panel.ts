/** After-call work: the disposition section ("Disposición de la llamada"), shown in wrap-up. */
import type { Locator, Page } from '@playwright/test'

export class WrapUpPanel {
  readonly region: Locator
  readonly search: Locator
  readonly note: Locator
  readonly saveAndFinish: Locator
  readonly scheduleCallback: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Disposición de la llamada' })
    this.search = this.region.getByRole('searchbox', { name: 'Buscar disposición' })
    this.note = this.region.getByLabel('Nota (opcional)')
    this.saveAndFinish = this.region.getByRole('button', {
      name: 'Guardar disposición y terminar (Ctrl+Intro)'
    })
    this.scheduleCallback = this.region.getByRole('button', {
      name: 'Programar devolución de llamada'
    })
  }

  disposition(label: string): Locator {
    return this.region.getByRole('radio', { name: label })
  }

  /**
   * Gives the call in wrap-up a disposition and finishes: the wrap-up does not end without one.
   * The phone's own finish button is refused until then.
   */
  async finishWith(label = 'Resuelto en la llamada'): Promise<void> {
    await this.disposition(label).check()
    await this.saveAndFinish.click()
  }
}
