/** "Mis devoluciones de llamada": the agent's callbacks, the form and the due reminder. */
import type { Locator, Page } from '@playwright/test'

export class CallbacksPanel {
  readonly region: Locator
  readonly form: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Mis devoluciones de llamada' })
    // The form is a case tool beside the script, opened from the card, the wrap-up or a script.
    this.form = page.getByRole('form', { name: 'Nueva devolución de llamada' })
  }

  /** A scheduled callback, named by whom to call. */
  callback(who: string): Locator {
    return this.region.getByRole('listitem', { name: who })
  }

  reminder(text: string): Locator {
    return this.region.getByRole('alert').filter({ hasText: text })
  }
}
