/**
 * The agent's status as the floor sees it: chosen by the agent, taken over by the phone during a
 * call, and forced to a pause by the watchdog when the SIP line is lost (Kamailio stopped).
 */
import { loginAs, serverAgentStates } from '@support/server-api'
import { expect, test } from './fixtures'
import { KNOWN_CALLER, knownCallerRings, openKnownCaller } from './support/known-caller'
import { sippRings } from './support/sip-ring'

// Kamailio is stopped here, and the server's whole history of Diego's states is checked.
test.use({ phoneSystem: true, ownServer: true })

test('the agent pauses and returns from the keyboard, and a call shows as on call', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const { current, choose } = ws.agentState
  const [caller] = await Promise.all([openKnownCaller(phones), ws.login('diego')])
  await expect(current).toHaveText('Listo')

  await expect(choose).toHaveAttribute('aria-keyshortcuts', 'Alt+E')
  await page.keyboard.press('Alt+E')
  await expect(current).toHaveText('En pausa: Descanso')
  await choose.selectOption({ label: 'Pausa: Almuerzo' })
  await expect(current).toHaveText('En pausa: Almuerzo')
  await page.keyboard.press('Alt+E')
  await expect(current).toHaveText('Listo')

  // A customer's call: on call from the ring.
  await knownCallerRings(ws, 'diego', caller)
  await expect(current).toHaveText('En llamada')
  await page.keyboard.press('Alt+A')
  await expect(ws.softphone.status).toContainText('En llamada')
  await page.keyboard.press('Alt+H')
  await expect(current).toHaveText('Trabajo posterior')
  await ws.finishWithDisposition()
  await expect(current).toHaveText('Listo')

  // Every change reached the server, in order, for the floor to see.
  const diego = (await loginAs(server.url, 'diego')).user.id
  await expect
    .poll(async () =>
      (await serverAgentStates(server.url))
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

test('a lost SIP line pauses the agent with an alert until the agent returns', async ({
  kamailio,
  workstation: ws
}) => {
  const { current, phoneProblem: alert, phoneBack } = ws.agentState
  await ws.login('ana')
  await expect(ws.softphone.line).toHaveText('Registrado')
  await expect(current).toHaveText('Listo')

  await kamailio.stop({ keepRunDir: true })
  // The watchdog waits out a ten-second grace period before it alarms.
  await expect(alert).toContainText('La línea no está registrada', { timeout: 30_000 })
  await expect(current).toHaveText('En pausa: Teléfono sin servicio')
  const ready = ws.agentState.option('Listo')
  await expect(ready).toBeDisabled()

  await kamailio.start()
  await expect(ws.softphone.line).toHaveText('Registrado', {
    timeout: 60_000
  })
  await expect(alert).toHaveCount(0)
  await expect(phoneBack).toBeVisible()
  await expect(current).toHaveText('En pausa: Teléfono sin servicio')
  await ws.agentState.choose.selectOption({ label: 'Listo' })
  await expect(current).toHaveText('Listo')
  await expect(phoneBack).toHaveCount(0)
})

test("a team lead's floor follows an agent's status live", async ({
  colleagues,
  sipPeer,
  workstation: lead
}) => {
  await lead.login('carla')
  const ana = lead.team.agent(/^Ana Ortiz/)
  await expect(lead.team.agent(/^Bruno/)).toBeVisible()
  // Nobody from another team is on Carla's floor.
  await expect(lead.team.agent(/^Diego/)).toHaveCount(0)

  const agent = await colleagues.open('ana')
  const agentPage = agent.page
  await expect(ana).toContainText('Listo')
  await agentPage.keyboard.press('Alt+E')
  // Live, "En pausa · Descanso"; from the durable record alone, "En pausa (Descanso)".
  await expect(ana).toContainText(/En pausa.{0,3}Descanso/)
  await agentPage.keyboard.press('Alt+E')
  // José's call, rung by a carrier (sipp): on call from the ring; Alt+D declines it.
  const call = await sippRings(agent, 'ana', sipPeer, {
    callerNumber: KNOWN_CALLER.number,
    callerName: KNOWN_CALLER.displayName,
    headers: {}
  })
  await expect(ana).toContainText('En llamada')
  await agentPage.keyboard.press('Alt+D')
  await call.ended()
  await expect(ana).toContainText('Listo')

  // Logging out says so: the floor never shows a gone agent as Ready.
  await agent.logout()
  await expect(agent.loginPage.submit).toBeVisible()
  await expect(ana).toContainText(/Sin conexión|Sesión cerrada/)
})
