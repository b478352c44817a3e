/**
 * The phone: the call bar above every workspace (region "Llamada": phase, caller, answer, hang up,
 * hold, transfer, other lines) and the desk's phone panel (region "Teléfono": line, dial pad,
 * keypad, quality).
 */
import type { Locator, Page } from '@playwright/test'

export class SoftphonePanel {
  readonly region: Locator
  readonly callBar: Locator
  readonly heading: Locator
  /** The call's phase: "Disponible", "Llamada entrante", "En llamada"… */
  readonly status: Locator
  /** The SIP registration: "Registrado", "No registrado"… */
  readonly line: Locator
  readonly callerId: Locator
  readonly timer: Locator
  readonly answer: Locator
  readonly decline: Locator
  readonly hangUp: Locator
  readonly finishWrapUp: Locator
  readonly number: Locator
  readonly call: Locator
  readonly mute: Locator
  readonly hold: Locator
  readonly transferTarget: Locator
  readonly answerWaiting: Locator
  readonly quality: Locator
  readonly digitsReceived: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Teléfono', exact: true })
    this.callBar = page.getByRole('region', { name: 'Llamada', exact: true })
    const region = this.region
    const bar = this.callBar
    this.heading = region.getByRole('heading', { name: 'Teléfono' })
    this.status = bar.getByRole('status', { name: 'Teléfono', exact: true })
    this.line = region.getByRole('status', { name: 'Línea telefónica' })
    this.callerId = bar.getByTestId('caller-id')
    this.timer = bar.getByRole('timer', { name: 'Duración' })
    this.answer = bar.getByRole('button', { name: 'Contestar', exact: true })
    this.decline = bar.getByRole('button', { name: 'Rechazar', exact: true })
    this.hangUp = bar.getByRole('button', { name: 'Colgar', exact: true })
    this.finishWrapUp = bar.getByRole('button', { name: 'Terminar y quedar disponible' })
    this.number = region.getByLabel('Número a marcar')
    this.call = region.getByRole('button', { name: 'Llamar', exact: true })
    this.mute = bar.getByRole('button', { name: 'Silenciar micrófono' })
    this.hold = bar.getByRole('button', { name: 'Poner en espera' })
    this.transferTarget = bar.getByLabel('Transferir a')
    this.answerWaiting = bar.getByRole('button', { name: 'Contestar llamada en espera' })
    this.quality = region.getByRole('group', { name: 'Calidad de la llamada' })
    this.digitsReceived = region.getByRole('status', { name: 'Tonos recibidos' })
  }

  /** The phone's alerts (a failed call, a refused finish, a call waiting) holding `text`. */
  alert(text?: string): Locator {
    const alerts = this.region.getByRole('alert').or(this.callBar.getByRole('alert'))
    return text === undefined ? alerts : alerts.filter({ hasText: text })
  }

  button(name: string | RegExp): Locator {
    return this.region.getByRole('button', { name }).or(this.callBar.getByRole('button', { name }))
  }

  /** Opens the agent desk when another workspace is open (a lead lands on the team's). */
  async openDesk(): Promise<void> {
    if (await this.heading.isVisible()) return
    await this.page
      .getByRole('navigation', { name: 'Espacios de trabajo' })
      .getByRole('button', { name: 'Puesto de atención' })
      .click()
    await this.heading.waitFor()
  }

  /** Types `number` in the dial pad and presses its call button. */
  async dial(number: string): Promise<void> {
    await this.openDesk()
    await this.number.fill(number)
    await this.call.click()
  }
}
