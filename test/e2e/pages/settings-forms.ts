/**
 * The phone's settings, each a form named like the disclosure that holds it; the audio devices
 * and the pre-call check sit in the account settings' disclosure, outside its form.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export class PhoneSettingsForm {
  readonly form: Locator
  readonly microphone: Locator
  readonly output: Locator
  readonly ringer: Locator
  readonly precall: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Ajustes del teléfono' })
    this.microphone = page.getByLabel('Micrófono', { exact: true })
    this.output = page.getByLabel('Salida de la llamada (auriculares)')
    this.ringer = page.getByLabel('Timbre', { exact: true })
    this.precall = page.getByRole('group', { name: 'Comprobación antes de llamar' })
  }

  async open(): Promise<void> {
    await this.page.getByText('Ajustes del teléfono', { exact: true }).click()
  }
}

export class CallerIdSettingsForm {
  readonly form: Locator
  readonly headers: Locator
  readonly country: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Identificación del llamante' })
    this.headers = this.form.getByLabel(
      'Cabeceras CTI del IVR (una por línea, en orden de prioridad)'
    )
    this.country = this.form.getByLabel('País por defecto de los números (ES, MX, CO…)')
  }

  async open(): Promise<void> {
    await this.page.getByText('Identificación del llamante', { exact: true }).click()
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Guardar', exact: true }).click()
  }
}

export class PhonePreferencesForm {
  readonly form: Locator
  readonly save: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Preferencias del teléfono' })
    this.save = this.form.getByRole('button', { name: 'Guardar preferencias' })
  }

  /** Opens the preferences (a disclosure) unless they are open already. */
  async open(): Promise<void> {
    if (!(await this.save.isVisible())) {
      await this.page.getByText('Preferencias del teléfono').click()
    }
    await expect(this.save).toBeVisible()
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label)
  }
}
