/** What a team lead sees besides an agent: the live floor and the pending approvals. */
import type { Locator, Page } from '@playwright/test'

/** Opens a workspace from the navigation by its full name. */
export async function openWorkspace(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Espacios de trabajo' })
    .getByRole('button', { name, exact: true })
    .click()
}

export class TeamPanel {
  readonly region: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Panel en vivo' })
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

/** The complaint analysis in "Calidad e informes" → "Informes"; its results are a named region. */
export class ComplaintAnalysisPanel {
  readonly region: Locator
  readonly results: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Análisis de quejas' })
    this.results = page.getByRole('region', { name: 'Resultados del análisis' })
  }

  async show(): Promise<void> {
    await openWorkspace(this.page, 'Calidad e informes')
    // The reports are the quality workspace's last tab.
    await this.page.getByRole('tab', { name: 'Informes' }).click()
    await this.region.getByRole('button', { name: 'Ver análisis' }).click()
  }

  table(name: string): Locator {
    return this.results.getByRole('table', { name })
  }
}

/** The admin's configuration in "Administración": named code-list regions. */
export class ConfigurationPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await openWorkspace(this.page, 'Administración')
    await this.page.getByRole('region', { name: 'Configuración' }).waitFor()
  }

  codeList(heading: string): Locator {
    return this.page.getByRole('region', { name: heading })
  }
}
