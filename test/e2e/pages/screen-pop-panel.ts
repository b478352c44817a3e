/** The customer card ("Ficha del cliente") with its search, and the sections inside it. */
import type { Locator, Page } from '@playwright/test'

export class ScreenPopPanel {
  readonly region: Locator
  readonly search: Locator
  readonly results: Locator
  readonly recentCalls: Locator
  readonly openComplaints: Locator
  readonly createContact: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Ficha del cliente' })
    this.search = this.region.getByRole('combobox', { name: 'Buscar cliente' })
    this.results = this.region.getByRole('listbox', { name: 'Resultados de la búsqueda' })
    this.recentCalls = this.region.getByRole('region', { name: 'Últimas llamadas' })
    this.openComplaints = this.region.getByRole('region', { name: 'Quejas abiertas' })
    this.createContact = this.region.getByRole('form', { name: 'Crear contacto' })
  }

  /** The shown customer's name, as the card's heading. */
  customer(name: string): Locator {
    return this.region.getByRole('heading', { name })
  }
}
