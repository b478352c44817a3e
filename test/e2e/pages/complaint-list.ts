/**
 * The complaints list ("Quejas registradas") with its filters and each complaint's actions: the
 * "Quejas" workspace, opened with `open()`.
 */
import type { Locator, Page } from '@playwright/test'

export class ComplaintList {
  readonly region: Locator
  /** Every list item in the region, the nested ones (timeline, compensations) included. */
  readonly items: Locator
  readonly search: Locator
  readonly show: Locator
  readonly byCategory: Locator
  readonly byTier: Locator
  readonly byChannel: Locator
  readonly byStatus: Locator
  readonly bySeverity: Locator
  readonly breachedOnly: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Quejas registradas' })
    const region = this.region
    this.items = region.getByRole('listitem')
    this.search = region.getByLabel('Buscar quejas')
    this.show = region.getByLabel('Mostrar')
    this.byCategory = region.getByLabel('Filtrar por categoría')
    this.byTier = region.getByLabel('Filtrar por valor del cliente')
    this.byChannel = region.getByLabel('Filtrar por canal')
    this.byStatus = region.getByLabel('Filtrar por estado')
    this.bySeverity = region.getByLabel('Filtrar por gravedad')
    this.breachedOnly = region.getByLabel('Solo con plazo vencido')
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Espacios de trabajo' })
      .getByRole('button', { name: 'Quejas', exact: true })
      .click()
    await this.region.waitFor()
  }

  /** A complaint, named by its description. */
  complaint(description: string): Locator {
    return this.region.getByRole('listitem', { name: description })
  }

  button(name: string | RegExp): Locator {
    return this.region.getByRole('button', { name })
  }
}
