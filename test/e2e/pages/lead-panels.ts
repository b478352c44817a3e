/** What a team lead sees besides an agent: the team board and the pending approvals. */
import type { Locator, Page } from '@playwright/test'

export class TeamPanel {
  readonly region: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Mi equipo' })
  }

  /** An agent's row, found by the start of the display name. */
  agent(name: RegExp): Locator {
    return this.region.getByRole('row', { name })
  }
}

export class ApprovalsPanel {
  readonly region: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Aprobaciones pendientes' })
  }

  request(name: RegExp): Locator {
    return this.region.getByRole('listitem', { name })
  }
}

/**
 * The complaint analysis: a disclosure without a landmark of its own, so it is opened by its
 * summary's text; its results are a named region.
 */
export class ComplaintAnalysisPanel {
  readonly summary: Locator
  readonly results: Locator

  constructor(private readonly page: Page) {
    this.summary = page.getByText('Análisis de quejas')
    this.results = page.getByRole('region', { name: 'Resultados del análisis' })
  }

  async show(): Promise<void> {
    await this.summary.click()
    await this.page.getByRole('button', { name: 'Ver análisis' }).click()
  }

  table(name: string): Locator {
    return this.results.getByRole('table', { name })
  }
}

/** The admin's configuration: a disclosure of named code-list regions. */
export class ConfigurationPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByText('Configuración', { exact: true }).click()
  }

  codeList(heading: string): Locator {
    return this.page.getByRole('region', { name: heading })
  }
}
