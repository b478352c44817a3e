/**
 * The agent's status as the floor sees it: chosen by the agent, taken over by the phone during a
 * call, and forced to a pause by the watchdog when the SIP line is lost (Kamailio stopped).
 */
import { expect, test, type Page } from '@playwright/test'

import { loginAs, serverAgentStates } from '../support/server-api'
import { WorkstationPage } from './pages/workstation-page'
import { startPhoneSystem, type PhoneSystem } from './support/phone-system'

let system: PhoneSystem

function agentState(page: Page) {
  return page.getByRole('status', { name: 'Estado actual' })
}

test.beforeAll(async () => {
  system = await startPhoneSystem('agent-state')
})

test.afterAll(async () => {
  await system.stop()
})

test('the agent pauses and returns from the keyboard, and a call shows as on call', async ({
  page
}) => {
  await page.goto(system.server.url)
  const ws = new WorkstationPage(page)
  await ws.login('diego')
  await expect(agentState(page)).toHaveText('Listo')

  const choose = page.getByRole('combobox', { name: 'Cambiar estado' })
  await expect(choose).toHaveAttribute('aria-keyshortcuts', 'Alt+E')
  await page.keyboard.press('Alt+E')
  await expect(agentState(page)).toHaveText('En pausa: Descanso')
  await choose.selectOption({ label: 'Pausa: Almuerzo' })
  await expect(agentState(page)).toHaveText('En pausa: Almuerzo')
  await page.keyboard.press('Alt+E')
  await expect(agentState(page)).toHaveText('Listo')

  await page.keyboard.press('Alt+P')
  await expect(agentState(page)).toHaveText('En llamada')
  await page.keyboard.press('Alt+A')
  await expect(ws.phoneStatus).toContainText('En llamada')
  await page.keyboard.press('Alt+H')
  await expect(agentState(page)).toHaveText('Trabajo posterior')
  await ws.finishWithDisposition()
  await expect(agentState(page)).toHaveText('Listo')

  // Every change reached the server, in order, for the floor to see.
  const diego = (await loginAs(system.server.url, 'diego')).user.id
  await expect
    .poll(async () =>
      (await serverAgentStates(system.server.url))
        .filter((s) => s.agentId === diego)
        .sort((a, b) => a.since.localeCompare(b.since))
        .map((s) => (s.pauseReason ? `${s.state}:${s.pauseReason}` : s.state))
    )
    .toEqual([
      'ready',
      'not_ready:break',
      'not_ready:lunch',
      'ready',
      'on_call',
      'wrap_up',
      'ready'
    ])
})

test('a lost SIP line pauses the agent with an alert until the agent returns', async ({ page }) => {
  await page.goto(system.server.url)
  const ws = new WorkstationPage(page)
  await ws.login('ana')
  await expect(page.getByRole('status', { name: 'Línea telefónica' })).toHaveText('Registrado')
  await expect(agentState(page)).toHaveText('Listo')

  await system.kamailio.stop({ keepRunDir: true })
  const alert = page.getByRole('alert', { name: 'El teléfono no puede recibir llamadas' })
  // The watchdog waits out a ten-second grace period before it alarms.
  await expect(alert).toContainText('La línea no está registrada', { timeout: 30_000 })
  await expect(agentState(page)).toHaveText('En pausa: Teléfono sin servicio')
  const ready = page.getByRole('option', { name: 'Listo' })
  await expect(ready).toBeDisabled()

  await system.kamailio.start()
  await expect(page.getByRole('status', { name: 'Línea telefónica' })).toHaveText('Registrado', {
    timeout: 60_000
  })
  await expect(alert).toHaveCount(0)
  await expect(page.getByText('El teléfono vuelve a funcionar')).toBeVisible()
  await expect(agentState(page)).toHaveText('En pausa: Teléfono sin servicio')
  await page.getByRole('combobox', { name: 'Cambiar estado' }).selectOption({ label: 'Listo' })
  await expect(agentState(page)).toHaveText('Listo')
  await expect(page.getByText('El teléfono vuelve a funcionar')).toHaveCount(0)
})

test("a team lead's board follows an agent's status live", async ({ page, browser }) => {
  await page.goto(system.server.url)
  await new WorkstationPage(page).login('carla')
  const board = page.getByRole('region', { name: 'Mi equipo' })
  const ana = board.getByRole('row', { name: /^Ana Ortiz/ })
  await expect(board.getByRole('row', { name: /^Bruno/ })).toBeVisible()
  // Nobody from another team is on Carla's board.
  await expect(board.getByRole('row', { name: /^Diego/ })).toHaveCount(0)

  const agent = await WorkstationPage.loggedIn(browser, system.server.url, 'ana')
  const agentPage = agent.page
  await expect(ana).toContainText('Listo')
  await agentPage.keyboard.press('Alt+E')
  await expect(ana).toContainText('En pausa · Descanso')
  await agentPage.keyboard.press('Alt+E')
  await agentPage.keyboard.press('Alt+P')
  await expect(ana).toContainText('En llamada')
  await agentPage.keyboard.press('Alt+D')
  await expect(ana).toContainText('Listo')

  // Logging out says so: the board never shows a gone agent as Ready.
  await agentPage.getByRole('button', { name: 'Cerrar sesión' }).click()
  await expect(agentPage.getByRole('button', { name: 'Entrar' })).toBeVisible()
  await expect(ana).toContainText('Desconectado')
  await agentPage.context().close()
})
