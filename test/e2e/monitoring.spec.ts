/**
 * A team lead monitors an agent's call through Kamailio, each party in its own Chromium process
 * speaking its own tone, and each party's ear checked per frequency in what its app actually plays
 * (support/played-audio.ts):
 * - a customer (a bare SIP phone on a customer's line) calls Ana; Carla, her team's lead, opens Ana on the
 *   live floor and listens (she hears both; neither hears her), whispers (Ana hears her, the
 *   customer does not), barges in (all hear all) and stops (the call goes on, Carla hears nothing).
 *   Ana's desk says who monitors her and how, never rings, shows no second line;
 * - sipp sends Ana's desk a forged, an expired and a reused grant during that call: each is
 *   refused with its reason (403), nothing rings, the call goes on; a lead of another team is
 *   refused by the server;
 * - the PBX method: sipp registered as the feature code answers Carla's call and gets the DTMF
 *   switch as SIP INFO, then the BYE;
 * - monitoring again, the customer hangs up: Carla is told the call ended, and the call's record
 *   (the only one of Ana's) says Carla monitored it.
 * One browser set for the whole file, steps in one test. No latency is asserted here:
 * `npm run bench:monitor` measures it.
 */
import { freeUdpPort } from '@support/kamailio'
import { serverInteractions } from '@support/server-api'
import { monitorStartReplySchema } from '@shared/monitoring/monitoring-api'
import { DEFAULT_MONITORING_POLICY } from '@shared/monitoring/monitoring-policy'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { MonitoringControls, monitoredNotice } from './pages/monitoring-panel'
import { seriousViolations } from './support/axe'
import { finishAfterCall } from './support/customer-line'
import {
  apiUser,
  callOnFloor,
  endSession,
  putMonitoringPolicy,
  redeemGrant,
  requestGrant
} from './support/monitoring-api'
import { expiredGrant, forgedGrant } from './support/monitor-grants'
import { pbxAnswering, sendGrant } from './support/sipp-monitor'
import { TONE_HZ, hearsTones } from './support/softphones'

const AGENT = TONE_HZ.ana
const CUSTOMER = TONE_HZ.diego
const LEAD = TONE_HZ.carla

test.use({ phoneSystem: true })

/** Records every phase the desk's phone shows from now on, to prove it never rang. */
async function recordPhases(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    const w = window as unknown as { __e2ePhases: string[] }
    w.__e2ePhases = seen
    const read = () => {
      const phase = document.querySelector('[role="status"][aria-label="Teléfono"]')?.textContent
      if (phase && seen.at(-1) !== phase) seen.push(phase)
    }
    read()
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true
    })
  })
  return () =>
    page.evaluate(() => (window as unknown as { __e2ePhases: string[] }).__e2ePhases.slice())
}

test('a lead listens, whispers, barges and stops; forged, expired, reused and foreign grants are refused', async ({
  environments,
  kamailio,
  phones,
  server
}) => {
  test.setTimeout(300_000)
  const startedAt = new Date().toISOString()
  // The customer's phone is a bare SIP line (customer-phone.ts), speaking Diego's tone.
  const [ana, customer] = await Promise.all([
    phones.open('ana'),
    phones.customer({ number: '5550103' })
  ])
  const carla = await phones.open('carla')
  await ana.waitForFirstSync()

  await test.step('the customer calls Ana', async () => {
    await customer.softphone.dial('1001')
    await expect(ana.softphone.status).toContainText('Llamada entrante')
    await ana.softphone.answer.click()
    await expect(ana.softphone.status).toContainText('En llamada')
    await expect(customer.softphone.status).toContainText('En llamada')
    await Promise.all([
      hearsTones(ana.page, { yes: [CUSTOMER], no: [LEAD] }),
      hearsTones(customer.page, { yes: [AGENT], no: [LEAD] })
    ])
  })
  const phases = await recordPhases(ana.page)

  await carla.goTo('Equipo en vivo')
  await expect(carla.team.agent(/^Ana Ortiz/)).toContainText('En llamada')
  const monitor = new MonitoringControls(carla.page, 'Ana Ortiz')
  await monitor.open()

  await test.step('listen: Carla hears both, nobody hears her', async () => {
    await monitor.listen.click()
    await expect(monitor.listen).toHaveAttribute('aria-pressed', 'true')
    await expect(monitor.status(/Escuchando a Ana Ortiz/)).toBeVisible()
    await expect(monitoredNotice(ana.page, 'Carla Méndez te está escuchando')).toBeVisible()
    await Promise.all([
      hearsTones(carla.page, { yes: [AGENT, CUSTOMER], no: [LEAD] }),
      hearsTones(ana.page, { yes: [CUSTOMER], no: [LEAD] }),
      hearsTones(customer.page, { yes: [AGENT], no: [LEAD] })
    ])
    // The monitoring controls and the agent's notice exist only here, on a live SIP call.
    expect.soft(await seriousViolations(carla.page), 'axe: the floor detail, listening').toEqual([])
    expect.soft(await seriousViolations(ana.page), 'axe: the desk, listened to').toEqual([])
  })

  await test.step('whisper: Ana hears Carla, the customer does not', async () => {
    await monitor.whisper.click()
    await expect(monitor.whisper).toHaveAttribute('aria-pressed', 'true')
    await expect(monitoredNotice(ana.page, 'Carla Méndez te susurra')).toBeVisible()
    await Promise.all([
      hearsTones(carla.page, { yes: [AGENT, CUSTOMER] }),
      hearsTones(ana.page, { yes: [CUSTOMER, LEAD] }),
      hearsTones(customer.page, { yes: [AGENT], no: [LEAD] })
    ])
  })

  await test.step('barge: all hear all', async () => {
    await monitor.barge.click()
    await expect(monitor.barge).toHaveAttribute('aria-pressed', 'true')
    await expect(monitoredNotice(ana.page, 'Carla Méndez interviene en la llamada')).toBeVisible()
    await Promise.all([
      hearsTones(carla.page, { yes: [AGENT, CUSTOMER] }),
      hearsTones(ana.page, { yes: [CUSTOMER, LEAD] }),
      hearsTones(customer.page, { yes: [AGENT, LEAD] })
    ])
  })

  await test.step('stop: the call goes on, Carla hears nothing', async () => {
    await monitor.stop.click()
    await expect(monitoredNotice(ana.page, 'Carla Méndez')).toHaveCount(0)
    await Promise.all([
      hearsTones(carla.page, { no: [AGENT, CUSTOMER] }),
      hearsTones(ana.page, { yes: [CUSTOMER], no: [LEAD] }),
      hearsTones(customer.page, { yes: [AGENT], no: [LEAD] })
    ])
    await expect(ana.softphone.status).toContainText('En llamada')
    // One line all along: the monitoring call never rang, waited or showed as a call.
    expect(await phases()).toEqual([expect.stringContaining('En llamada')])
    await expect(ana.softphone.answerWaiting).toHaveCount(0)
    await expect(ana.softphone.hangUp).toHaveCount(1)
  })

  const anaApi = await apiUser(server.url, 'ana')
  const carlaApi = await apiUser(server.url, 'carla')
  const callId = await callOnFloor(server.url, carlaApi, anaApi.id)
  const onAnasCall = { agentId: anaApi.id, callId, mode: 'listen' as const }
  const grantFor = {
    agentId: anaApi.id,
    leadId: carlaApi.id,
    leadName: carlaApi.name,
    callId
  }

  await test.step("sipp's forged, expired and reused grants are refused without ringing", async () => {
    const sipp = (
      name: string,
      grant: string,
      refusal: 'invalid_grant' | 'expired' | 'already_used'
    ) => sendGrant(environments.dir, kamailio.sipPort, { extension: '1001', grant, refusal, name })
    const forged = await sipp('forged', await forgedGrant(grantFor), 'invalid_grant')
    expect(forged.code, forged.log).toBe(0)
    const expired = await sipp('expired', await expiredGrant(grantFor), 'expired')
    expect(expired.code, expired.log).toBe(0)

    // A real grant, redeemed once by Ana's own session, then replayed at her desk.
    const issued = await requestGrant(server.url, carlaApi, onAnasCall)
    expect(issued.status, JSON.stringify(issued.json)).toBe(201)
    const grant = monitorStartReplySchema.parse(issued.json)
    if (grant.method !== 'builtin') throw new Error('the built-in method issues a token')
    expect(await redeemGrant(server.url, anaApi, grant.token)).toBe(200)
    const reused = await sipp('reused', grant.token, 'already_used')
    expect(reused.code, reused.log).toBe(0)
    expect(await endSession(server.url, carlaApi, grant.sessionId)).toBe(200)

    expect(await phases()).toEqual([expect.stringContaining('En llamada')])
    await hearsTones(ana.page, { yes: [CUSTOMER] })
    await hearsTones(customer.page, { yes: [AGENT] })
  })

  await test.step("a lead of another team is refused Ana's call", async () => {
    const elena = await apiUser(server.url, 'elena')
    const refused = await requestGrant(server.url, elena, onAnasCall)
    expect(refused).toEqual({
      status: 403,
      json: { error: 'monitoring_refused', reason: 'not_permitted' }
    })
  })

  await test.step('the PBX method: the feature code is dialled and the switch sent as INFO', async () => {
    const admin = await apiUser(server.url, 'admin')
    const pbxPolicy = {
      ...DEFAULT_MONITORING_POLICY,
      method: 'pbx' as const,
      pbx: { ...DEFAULT_MONITORING_POLICY.pbx, dtmfMethod: 'info' as const }
    }
    const pbx = await pbxAnswering(environments.dir, kamailio.sipPort, {
      user: '*2221001',
      dtmf: DEFAULT_MONITORING_POLICY.pbx.switchKeys.whisper ?? '5',
      port: await freeUdpPort()
    })
    try {
      expect(await putMonitoringPolicy(server.url, admin, pbxPolicy)).toBe(200)
      await monitor.listen.click()
      await expect(monitor.listen).toHaveAttribute('aria-pressed', 'true')
      await monitor.whisper.click()
      await expect(monitor.whisper).toHaveAttribute('aria-pressed', 'true')
      await monitor.stop.click()
      const result = await pbx.done
      expect(result.code, result.log).toBe(0)
    } finally {
      await pbx.unregister()
      await putMonitoringPolicy(server.url, admin, DEFAULT_MONITORING_POLICY)
    }
  })

  await test.step('monitoring ends with the call, and the record notes who monitored it', async () => {
    await monitor.listen.click()
    await expect(monitor.status(/Escuchando a Ana Ortiz/)).toBeVisible()
    await hearsTones(carla.page, { yes: [AGENT, CUSTOMER] })
    await customer.softphone.hangUp.click()
    await expect(monitor.status('La llamada terminó')).toBeVisible()
    await hearsTones(carla.page, { no: [AGENT, CUSTOMER] })
    await finishAfterCall(ana)
    await expect
      .poll(async () =>
        (await serverInteractions(server.url))
          .filter((i) => i.ringAt >= startedAt && [anaApi.id, carlaApi.id].includes(i.agentId))
          .map((i) => ({
            agent: i.agentId === anaApi.id ? 'ana' : 'carla',
            direction: i.direction,
            monitoredBy: (i.monitoredBy ?? []).map((m) => m.leadName)
          }))
      )
      .toEqual([
        {
          agent: 'ana',
          direction: 'inbound',
          monitoredBy: expect.arrayContaining(['Carla Méndez']) as unknown
        }
      ])
  })
})
