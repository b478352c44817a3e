/**
 * Call monitoring as people see it: on the lead's floor, the agent's detail with its group
 * "Supervisión de la llamada" (the modes, stop, and the session's status); on the agent's desk,
 * the notice that a lead is listening, whispering or barging in.
 */
import type { Locator, Page } from '@playwright/test'

import { TeamPanel } from './lead-panels'

export class MonitoringControls {
  readonly detail: Locator
  readonly group: Locator
  readonly listen: Locator
  readonly whisper: Locator
  readonly barge: Locator
  readonly stop: Locator

  constructor(
    private readonly page: Page,
    private readonly agentName: string
  ) {
    this.detail = page.getByRole('complementary', { name: agentName })
    this.group = this.detail.getByRole('group', { name: 'Supervisión de la llamada' })
    this.listen = this.group.getByRole('button', { name: 'Escuchar', exact: true })
    this.whisper = this.group.getByRole('button', { name: 'Susurrar', exact: true })
    this.barge = this.group.getByRole('button', { name: 'Intervenir', exact: true })
    this.stop = this.group.getByRole('button', { name: 'Dejar de supervisar', exact: true })
  }

  /** Opens the agent's detail from the floor's row (the floor must be open). */
  async open(): Promise<void> {
    await new TeamPanel(this.page).region
      .getByRole('button', { name: this.agentName, exact: true })
      .click()
    await this.group.waitFor()
  }

  /** The session's status in the detail ("Escuchando a Ana Ortiz · 0:12", "La llamada terminó"). */
  status(text: string | RegExp): Locator {
    return this.detail.getByRole('status').filter({ hasText: text })
  }
}

/** The desk's notice that `leadName` monitors it, in `mode`'s words. */
export function monitoredNotice(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text })
}
