/** The login form, found by its name (the heading it is labelled by). */
import type { Locator, Page } from '@playwright/test'

export class LoginPage {
  readonly form: Locator
  readonly username: Locator
  readonly password: Locator
  readonly submit: Locator
  /** Why the last attempt failed. */
  readonly alert: Locator

  constructor(page: Page) {
    this.form = page.getByRole('form', { name: 'Iniciar sesión' })
    this.username = this.form.getByLabel('Usuario')
    this.password = this.form.getByLabel('Contraseña')
    this.submit = this.form.getByRole('button', { name: 'Entrar' })
    this.alert = this.form.getByRole('alert')
  }

  /** Fills and sends the form; says nothing about the outcome (see `Workstation.login`). */
  async send(username: string, password: string): Promise<void> {
    await this.username.fill(username)
    await this.password.fill(password)
    await this.submit.click()
  }
}
