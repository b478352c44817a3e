/**
 * Colleagues are not customers: Ana (1001) calls Bruno (1002) through Kamailio, and each desk
 * shows the other from the synced directory — no unknown-caller form, no customer script, no
 * disposition to give, recorded as a colleague call with no customer. A caller who only *names*
 * herself "Ana Ortiz" from elsewhere is still a caller like any other.
 */
import { serverInteractions } from '@support/server-api'
import { expect, test } from './fixtures'
import { ColleagueCard } from './pages/colleague-card'

test.use({ phoneSystem: true })

test("a colleague's call shows who she is, starts no script and ends without a disposition", async ({
  phones,
  server
}) => {
  const startedAt = new Date().toISOString()
  const ana = await phones.open('ana')
  const bruno = await phones.open('bruno')
  await bruno.waitForFirstSync()
  const anaOnBruno = new ColleagueCard(bruno.page)

  await ana.softphone.dial('1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(anaOnBruno.name('Ana Ortiz')).toBeVisible()
  await expect(anaOnBruno.fact('Rol')).toHaveText('Agente')
  await expect(anaOnBruno.fact('Equipo')).toHaveText('Norte')
  await expect(anaOnBruno.fact('Extensión')).toHaveText('1001')
  await expect(bruno.card.region).not.toContainText('Llamante desconocido')
  await expect(bruno.card.createContact).toHaveCount(0)
  // The caller's side knows whom she dialled, too.
  await expect(new ColleagueCard(ana.page).name('Bruno Salas')).toBeVisible()

  await bruno.softphone.answer.click()
  await expect(bruno.softphone.status).toContainText('En llamada')
  await expect(ana.softphone.status).toContainText('En llamada')
  // The call controls work as for any call.
  await bruno.softphone.hold.click()
  await expect(bruno.softphone.status).toContainText('En espera')
  await bruno.softphone.hold.click()
  await expect(bruno.softphone.status).toContainText('En llamada')
  // No customer script started on either side.
  await expect(bruno.script.step).toHaveCount(0)
  await expect(ana.script.step).toHaveCount(0)

  await bruno.softphone.hangUp.click()
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(anaOnBruno.noDisposition).toBeVisible()
  await bruno.softphone.finishWrapUp.click()
  await expect(bruno.softphone.status).toContainText('Disponible')
  await expect(ana.softphone.status).toContainText('Trabajo posterior a la llamada')
  await ana.softphone.finishWrapUp.click()
  await expect(ana.softphone.status).toContainText('Disponible')

  // Both desks kept the call as a fact of their day, as a colleague call naming no customer.
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.party)}:${String(i.customerId)}`)
        .sort()
    )
    .toEqual(['inbound:answered:colleague:null', 'outbound:answered:colleague:null'])
})

test('a caller naming herself "Ana Ortiz" from outside the SIP domain is no colleague', async ({
  phones,
  sipPeer
}) => {
  const bruno = await phones.open('bruno')
  await bruno.waitForFirstSync()
  // Ana's extension and name, but from another host (sipp's own address).
  const sipp = sipPeer.call({
    extension: '1002',
    callerNumber: '1001',
    callerName: 'Ana Ortiz',
    headers: {}
  })
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await expect(bruno.card.region).toContainText('Llamante desconocido')
  await expect(new ColleagueCard(bruno.page).region).toHaveCount(0)
  await bruno.softphone.decline.click()
  const result = await sipp
  expect(result.code, result.log).toBe(0)
})
