/** The call script ("Guion de llamada"): the step, the switcher, the path and the analytics. */
import { expect, type Locator, type Page } from '@playwright/test'

import { openWorkspace } from './lead-panels'

export class ScriptPanel {
  readonly region: Locator
  readonly step: Locator
  readonly status: Locator
  readonly switcher: Locator
  readonly preview: Locator
  readonly path: Locator
  readonly mandatory: Locator
  /** Script analytics, in "Calidad e informes" → "Informes" (leads) and "Formación" (trainers). */
  readonly analytics: Locator
  readonly analyticsResults: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Guion de llamada' })
    this.step = this.region.getByRole('article', { name: 'Paso actual' })
    this.status = this.region.getByRole('status')
    this.switcher = this.region.getByRole('combobox', { name: 'Cambiar de guion' })
    this.preview = this.region.getByRole('combobox', { name: 'Vista previa de guion' })
    this.path = this.region.getByRole('list', { name: 'Pasos recorridos' })
    this.mandatory = this.region.getByRole('list', { name: 'Pasos obligatorios' })
    this.analytics = page.getByRole('region', { name: 'Análisis de guiones' })
    this.analyticsResults = this.analytics.getByRole('region', { name: 'Resultados por guion' })
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name })
  }

  stepButton(name: string): Locator {
    return this.step.getByRole('button', { name })
  }

  /** Opens the disclosure of the steps taken ("Recorrido (n)"). */
  async openPath(): Promise<void> {
    await this.region.getByText('Recorrido (').click()
  }

  /** The run's path as the panel lists it (opening the disclosure if it is closed). */
  async pathTaken(): Promise<string[]> {
    if (!(await this.path.isVisible())) await this.openPath()
    await expect(this.path).toBeVisible()
    return this.path.getByRole('listitem').allInnerTexts()
  }

  /** Shows a script version's figures: real calls', or practice calls' with `practice`. */
  async showAnalytics(versionLabel: string, practice = false): Promise<void> {
    await openWorkspace(this.page, 'Calidad e informes')
    await this.page.getByRole('tab', { name: 'Informes' }).click()
    await this.analytics
      .getByRole('combobox', { name: 'Guion y versión' })
      .selectOption({ label: versionLabel })
    if (practice) {
      await this.analytics.getByRole('checkbox', { name: 'Llamadas de práctica' }).check()
    }
    await this.analytics.getByRole('button', { name: 'Ver análisis' }).click()
  }
}
