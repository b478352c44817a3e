/**
 * One person's workstation: a page and its panels, each found by its landmark or accessible
 * name and then by roles and labels inside, the way a person (or a screen reader) finds them.
 */
import { expect, type Page } from '@playwright/test'

import { AgentStateControl } from './agent-state-control'
import { CallbacksPanel } from './callbacks-panel'
import { ComplaintForm } from './complaint-form'
import { ComplaintList } from './complaint-list'
import {
  ApprovalsPanel,
  ComplaintAnalysisPanel,
  ConfigurationPanel,
  openWorkspace,
  TeamPanel
} from './lead-panels'
import { LoginPage } from './login-page'
import { ScreenPopPanel } from './screen-pop-panel'
import { ScriptPanel } from './script-panel'
import { CallerIdSettingsForm, PhonePreferencesForm, PhoneSettingsForm } from './settings-forms'
import { SoftphonePanel } from './softphone-panel'
import { SyncBar } from './sync-bar'
import { WrapUpPanel } from './wrap-up-panel'

export class Workstation {
  readonly loginPage: LoginPage
  readonly softphone: SoftphonePanel
  readonly card: ScreenPopPanel
  readonly script: ScriptPanel
  readonly complaintForm: ComplaintForm
  readonly complaints: ComplaintList
  readonly wrapUp: WrapUpPanel
  readonly callbacks: CallbacksPanel
  readonly syncBar: SyncBar
  readonly agentState: AgentStateControl
  readonly team: TeamPanel
  readonly approvals: ApprovalsPanel
  readonly analysis: ComplaintAnalysisPanel
  readonly configuration: ConfigurationPanel
  readonly phoneSettings: PhoneSettingsForm
  readonly callerIdSettings: CallerIdSettingsForm
  readonly preferences: PhonePreferencesForm

  constructor(readonly page: Page) {
    this.loginPage = new LoginPage(page)
    this.softphone = new SoftphonePanel(page)
    this.card = new ScreenPopPanel(page)
    this.script = new ScriptPanel(page)
    this.complaintForm = new ComplaintForm(page)
    this.complaints = new ComplaintList(page)
    this.wrapUp = new WrapUpPanel(page)
    this.callbacks = new CallbacksPanel(page)
    this.syncBar = new SyncBar(page)
    this.agentState = new AgentStateControl(page)
    this.team = new TeamPanel(page)
    this.approvals = new ApprovalsPanel(page)
    this.analysis = new ComplaintAnalysisPanel(page)
    this.configuration = new ConfigurationPanel(page)
    this.phoneSettings = new PhoneSettingsForm(page)
    this.callerIdSettings = new CallerIdSettingsForm(page)
    this.preferences = new PhonePreferencesForm(page)
  }

  /** Logs in and waits for the app shell; each role lands on its own workspace. */
  async login(username: string, password = 'atiende'): Promise<void> {
    await this.loginPage.send(username, password)
    await expect(this.navigation).toBeVisible()
  }

  get navigation() {
    return this.page.getByRole('navigation', { name: 'Espacios de trabajo' })
  }

  /** Opens a workspace by its full name ("Puesto de atención", "Equipo en vivo"…). */
  async goTo(workspace: string): Promise<void> {
    await openWorkspace(this.page, workspace)
  }

  /** The agent desk: the phone, the card, the script and the case tools. */
  async openDesk(): Promise<void> {
    await this.goTo('Puesto de atención')
    await expect(this.softphone.heading).toBeVisible()
  }

  /** Switches the interface language from the user menu. */
  async setLanguage(code: 'es' | 'en'): Promise<void> {
    await this.page.getByRole('button', { name: /^(Menú de|.*'s menu)/ }).click()
    // The select is inside its label, whose text takes in the options: found by role and name.
    await this.page.getByRole('combobox', { name: /^(Idioma|Language)$/ }).selectOption(code)
    await this.page.keyboard.press('Escape')
  }

  /** Logs in and waits until the first pull filled the customer cache. */
  async loginSynced(username: string): Promise<void> {
    await this.login(username)
    await this.waitForFirstSync()
  }

  async waitForFirstSync(): Promise<void> {
    await this.syncBar.waitForFirstSync()
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: /^Menú de/ }).click()
    await this.page.getByRole('button', { name: 'Cerrar sesión' }).click()
  }

  /** Files a complaint in `category` from the desk's complaint tool, then opens the list. */
  async logComplaint(category: string, description: string): Promise<void> {
    await this.complaintForm.file(category, description)
    await this.complaints.open()
  }

  /** See `WrapUpPanel.finishWith`. */
  async finishWithDisposition(label?: string): Promise<void> {
    await this.wrapUp.finishWith(label)
  }

  /** Closes this person's browser context (their own storage and data worker). */
  async close(): Promise<void> {
    await this.page.context().close()
  }
}
