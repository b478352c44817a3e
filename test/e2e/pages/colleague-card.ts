/**
 * The colleague on the call ("Compañero en la llamada"), shown inside the customer card's panel
 * when the other party is matched from the directory, and the wrap-up note that a colleague's
 * call needs no disposition.
 */
import type { Locator, Page } from '@playwright/test'

export class ColleagueCard {
  readonly region: Locator
  readonly noDisposition: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Compañero en la llamada' })
    this.noDisposition = page.getByText('Llamada con un compañero: no necesita disposición.')
  }

  /** The colleague's name, as the card's heading. */
  name(name: string): Locator {
    return this.region.getByRole('heading', { name })
  }

  /** A fact of the card (role, team, extension) by its term: "Rol", "Equipo", "Extensión". */
  fact(term: string): Locator {
    return this.region
      .getByRole('term')
      .filter({ hasText: term })
      .locator('xpath=following-sibling::dd[1]')
  }
}
