/** The agent's status in the top bar ("Estado del agente") and the phone-problem alert. */
import type { Locator, Page } from '@playwright/test'

export class AgentStateControl {
  readonly group: Locator
  readonly current: Locator
  readonly choose: Locator
  /** Raised by the watchdog when the phone cannot take calls. */
  readonly phoneProblem: Locator
  readonly phoneBack: Locator

  constructor(page: Page) {
    this.group = page.getByRole('group', { name: 'Estado del agente' })
    this.current = this.group.getByRole('status', { name: 'Estado actual' })
    this.choose = this.group.getByRole('combobox', { name: 'Cambiar estado' })
    this.phoneProblem = page.getByRole('alert', { name: 'El teléfono no puede recibir llamadas' })
    this.phoneBack = page.getByText('El teléfono vuelve a funcionar')
  }

  option(name: string): Locator {
    return this.choose.getByRole('option', { name })
  }
}
