/**
 * A lead forces an agent's state: Carla (lead of Norte) pauses Ana for a meeting with a note;
 * Ana's desk takes the pause, says who set it and why, and Ana returns to Ready herself. The
 * server keeps the lead's record once, attributed, and the desk records no copy of it.
 */
import { loginAs, serverAgentStates } from '@support/server-api'
import { expect, test } from './fixtures'
import { ForcedStateNotice, ForceStateDialog } from './pages/force-state'
import { seriousViolations } from './support/axe'

// bypassCSP: axe-core is injected into the lead's page (see support/axe.ts).
test.use({ bypassCSP: true })

const NOTE = 'Reunión de equipo en la sala 2'

test("a lead's forced pause reaches the agent's desk, which obeys and tells the agent", async ({
  server,
  colleagues,
  workstation: lead
}) => {
  const started = new Date().toISOString()
  // Both sign in at once: each first load of a workstation takes several seconds here.
  const [, agent] = await Promise.all([lead.login('carla'), colleagues.open('ana')])
  await expect(agent.agentState.current).toHaveText('Listo')
  const anaRow = lead.team.agent(/^Ana Ortiz/)
  await expect(anaRow).toContainText('Listo')

  const force = new ForceStateDialog(lead.page)
  await force.openDetail('Ana Ortiz')
  // Keyboard first: the button opens the dialog, Escape closes it and gives the focus back.
  await force.opener('Ana Ortiz').focus()
  await lead.page.keyboard.press('Enter')
  await expect(force.dialog).toBeVisible()
  await expect(force.state('En pausa')).toBeChecked()
  expect(await seriousViolations(lead.page)).toEqual([])
  await lead.page.keyboard.press('Escape')
  await expect(force.dialog).toHaveCount(0)
  await expect(force.opener('Ana Ortiz')).toBeFocused()
  await lead.page.keyboard.press('Enter')
  await force.fill({ state: 'En pausa', reason: 'Reunión', note: NOTE })
  await expect(force.dialog).toHaveCount(0)
  await expect(anaRow).toContainText(/En pausa.{0,3}Reunión/)

  const notice = new ForcedStateNotice(agent.page)
  await expect(notice.region).toContainText(`Carla Méndez te puso en Pausa · Reunión — «${NOTE}»`)
  await expect(agent.agentState.current).toHaveText('En pausa: Reunión')
  await notice.dismiss.press('Enter')
  await expect(notice.dismiss).toHaveCount(0)

  await agent.agentState.choose.selectOption({ label: 'Listo' })
  await expect(agent.agentState.current).toHaveText('Listo')
  await expect(anaRow).toContainText('Listo')

  const carla = (await loginAs(server.url, 'carla')).user.id
  const ana = (await loginAs(server.url, 'ana')).user.id
  await expect
    .poll(async () =>
      (await serverAgentStates(server.url))
        // The server's own facts (a desk of an earlier spec lost, then back) are not the point.
        .filter((s) => s.agentId === ana && s.since >= started && s.source !== 'system')
        .sort((a, b) => a.since.localeCompare(b.since))
        .map((s) => `${s.source}:${s.state}${s.pauseReason ? `:${s.pauseReason}` : ''}`)
    )
    .toEqual(['desk:ready', 'lead:not_ready:meeting', 'desk:ready'])
  const forced = (await serverAgentStates(server.url)).find(
    (s) => s.agentId === ana && s.source === 'lead' && s.since >= started
  )
  expect(forced).toMatchObject({ setBy: carla, setByName: 'Carla Méndez', note: NOTE })
})
