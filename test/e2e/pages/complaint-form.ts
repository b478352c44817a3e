/** The form that files a complaint ("Nueva queja"), a case tool on the agent desk. */
import type { Locator, Page } from '@playwright/test'

export class ComplaintForm {
  readonly form: Locator
  readonly category: Locator
  readonly reason: Locator
  readonly product: Locator
  readonly channel: Locator
  readonly severity: Locator
  readonly dueBy: Locator
  readonly dimension: Locator
  readonly description: Locator
  readonly expected: Locator
  readonly received: Locator
  readonly save: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Nueva queja' })
    const form = this.form
    this.category = form.getByLabel(/^Categoría/)
    this.reason = form.getByLabel('Motivo')
    this.product = form.getByLabel('Producto o servicio')
    this.channel = form.getByLabel(/^Canal/)
    this.severity = form.getByLabel(/^Gravedad/)
    this.dueBy = form.getByText(/Resolver antes de:/)
    this.dimension = form.getByLabel('Dimensión de calidad')
    this.description = form.getByLabel('Descripción')
    this.expected = form.getByLabel('Lo que el cliente esperaba')
    this.received = form.getByLabel('Lo que el cliente recibió')
    this.save = form.getByRole('button', { name: 'Guardar queja' })
  }

  /** Opens the complaint tool (from the rail, or its tab when another tool is open). */
  async open(): Promise<void> {
    if (await this.form.isVisible()) return
    const desk = this.page
      .getByRole('navigation', { name: 'Espacios de trabajo' })
      .getByRole('button', { name: 'Puesto de atención' })
    if ((await desk.getAttribute('aria-current')) !== 'page') await desk.click()
    if (await this.form.isVisible()) return
    const tab = this.page.getByRole('tab', { name: 'Queja' })
    if (await tab.isVisible()) await tab.click()
    else await this.page.getByRole('button', { name: 'Registrar una queja' }).click()
    await this.form.waitFor()
  }

  /** Files a complaint in `category`, with a quality dimension when one is given. */
  async file(category: string, description: string, dimension?: string): Promise<void> {
    await this.open()
    await this.category.selectOption({ label: category })
    if (dimension !== undefined) await this.dimension.selectOption({ label: dimension })
    await this.description.fill(description)
    await this.save.click()
  }
}
