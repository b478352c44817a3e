/**
 * A lead forcing an agent's state ("Cambiar estado…" and its dialog), and the notice the agent's
 * desk shows afterwards. Found by accessible names, as a screen reader user would.
 */
import type { Locator, Page } from '@playwright/test'

export interface ForcedChoice {
  state: 'Listo' | 'En pausa'
  /** The pause reason's label, with `En pausa`. */
  reason?: string
  note?: string
}

/** The lead's side: the agent's detail on the live floor, its button and the dialog it opens. */
export class ForceStateDialog {
  readonly dialog: Locator
  readonly reason: Locator
  readonly note: Locator
  readonly apply: Locator
  readonly cancel: Locator

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Cambiar el estado de / })
    this.reason = this.dialog.getByRole('combobox', { name: 'Motivo de la pausa' })
    this.note = this.dialog.getByRole('textbox', { name: 'Nota para el agente' })
    this.apply = this.dialog.getByRole('button', { name: 'Aplicar' })
    this.cancel = this.dialog.getByRole('button', { name: 'Cancelar' })
  }

  /** The agent's detail beside the floor (the actions section is in it). */
  detail(agentName: string): Locator {
    return this.page.getByRole('complementary', { name: agentName })
  }

  /** Opens the agent's detail from their row on the live floor. */
  async openDetail(agentName: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Panel en vivo' })
      .getByRole('button', { name: agentName, exact: true })
      .click()
    await this.detail(agentName).waitFor()
  }

  /** The "Cambiar estado…" button in the detail of the agent called `agentName`. */
  opener(agentName: string): Locator {
    return this.detail(agentName).getByRole('button', {
      name: `Cambiar el estado de ${agentName}`
    })
  }

  state(name: ForcedChoice['state']): Locator {
    return this.dialog.getByRole('radio', { name })
  }

  /** Fills the open dialog in and applies with Enter from the note, as a keyboard user would. */
  async fill(choice: ForcedChoice): Promise<void> {
    await this.state(choice.state).check()
    if (choice.reason !== undefined) await this.reason.selectOption({ label: choice.reason })
    await this.note.fill(choice.note ?? '')
    await this.note.press('Enter')
  }

  /** Opens the dialog on `agentName` and applies `choice`. */
  async force(agentName: string, choice: ForcedChoice): Promise<void> {
    await this.openDetail(agentName)
    await this.opener(agentName).click()
    await this.fill(choice)
  }
}

/** The agent's side: the calm notice under the call bar. */
export class ForcedStateNotice {
  readonly region: Locator
  readonly dismiss: Locator

  constructor(page: Page) {
    this.region = page.getByRole('status', { name: 'Cambio de estado' })
    this.dismiss = this.region.getByRole('button', { name: 'Cerrar el aviso del cambio de estado' })
  }
}
