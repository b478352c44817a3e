/**
 * A lead forces an agent's state: Carla (lead of Norte) pauses Ana for a meeting with a note;
 * Ana's desk takes the pause, says who set it and why, and Ana returns to Ready herself. The
 * server keeps the lead's record once, attributed, and the desk records no copy of it.
 */
import { loginAs, serverAgentStates } from '@support/server-api'
import { expect, test } from './fixtures'
import { ForcedStateNotice, ForceStateDialog } from './pages/force-state'

const NOTE = 'Reunión de equipo en la sala 2'

test("a lead's forced pause reaches the agent's desk, which obeys and tells the agent", async ({
  server,
  colleagues,
  workstation: lead
}) => {
  const started = new Date().toISOString()
  await lead.login('carla')
  const agent = await colleagues.open('ana')
  await expect(agent.agentState.current).toHaveText('Listo')
  const anaRow = lead.team.agent(/^Ana Ortiz/)
  await expect(anaRow).toContainText('Listo')

  const force = new ForceStateDialog(lead.page)
  await force.force('Ana Ortiz', { state: 'En pausa', reason: 'Reunión', note: NOTE })
  await expect(force.dialog).toHaveCount(0)
  await expect(anaRow).toContainText('En pausa · Reunión')

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
        .filter((s) => s.agentId === ana && s.since >= started)
        .sort((a, b) => a.since.localeCompare(b.since))
        .map((s) => `${s.source}:${s.state}${s.pauseReason ? `:${s.pauseReason}` : ''}`)
    )
    .toEqual(['desk:ready', 'lead:not_ready:meeting', 'desk:ready'])
  const forced = (await serverAgentStates(server.url)).find(
    (s) => s.agentId === ana && s.source === 'lead' && s.since >= started
  )
  expect(forced).toMatchObject({ setBy: carla, setByName: 'Carla Méndez', note: NOTE })
})
