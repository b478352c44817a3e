/**
 * Several calls at once through Kamailio: transfers (blind, attended, cancelled consultation),
 * call waiting with swapping, DTMF that reaches the far end, no answer and caller cancel; then
 * the ways a call starts without typing: redial, auto-answer, click-to-call from the card.
 * Three agents, each in their own Chromium process speaking their own tone, stay logged in for
 * the whole file; every test leaves them available again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { KamailioProcess } from '../support/kamailio'
import { serverInteractions } from '../support/server-api'
import { ServerProcess } from '../support/server-process'
import { runSippCall } from './support/sipp'
import type { WorkstationPage } from './pages/workstation-page'
import type { Phone } from './support/phones'
import { hears, hearsSilence, openPhone } from './support/softphones'

const ANA_HZ = 440
const BRUNO_HZ = 1000
const DIEGO_HZ = 1700

let kamailio: KamailioProcess
let server: ServerProcess
let dir: string
const phones: Phone[] = []
let ana: WorkstationPage
let bruno: WorkstationPage
let diego: WorkstationPage

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'atiende-transfer-'))
  kamailio = await KamailioProcess.create()
  await kamailio.start()
  server = await ServerProcess.create({ ATIENDE_SIP_WS: kamailio.wsUrl })
  await server.start()
  ana = await openPhone(server.url, dir, 'ana', ANA_HZ, phones)
  bruno = await openPhone(server.url, dir, 'bruno', BRUNO_HZ, phones)
  diego = await openPhone(server.url, dir, 'diego', DIEGO_HZ, phones)
})

test.afterEach(async () => {
  // Whatever a test left behind: end calls and after-call work, so the next starts available.
  for (const agent of [ana, bruno, diego]) {
    const hangUp = agent.page.getByRole('button', { name: 'Colgar', exact: true })
    // The other party's hang-up may end this call first: then there is nothing to click.
    if (await hangUp.isVisible()) await hangUp.click({ timeout: 2000 }).catch(() => undefined)
  }
  for (const agent of [ana, bruno, diego]) {
    const finish = agent.page.getByRole('button', { name: 'Terminar y quedar disponible' })
    await expect(finish.or(agent.phoneStatus.filter({ hasText: 'Disponible' }))).toBeVisible()
    if (await finish.isVisible()) await agent.finishWithDisposition()
    await expect(agent.phoneStatus).toContainText('Disponible')
  }
})

test.afterAll(async () => {
  await Promise.all(phones.splice(0).map((p) => p.browser.close()))
  await server.stop()
  await kamailio.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function call(from: WorkstationPage, extension: string): Promise<void> {
  await from.page.getByLabel('Número a marcar').fill(extension)
  await from.page.getByRole('button', { name: 'Llamar', exact: true }).click()
}

/** `from` calls `to`, `to` answers, and each hears the other. */
async function connect(
  from: WorkstationPage,
  fromHz: number,
  to: WorkstationPage,
  toHz: number,
  extension: string
): Promise<void> {
  await call(from, extension)
  await expect(to.phoneStatus).toContainText('Llamada entrante')
  await to.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(from.phoneStatus).toContainText('En llamada')
  await expect(to.phoneStatus).toContainText('En llamada')
  await hears(from.page, toHz)
  await hears(to.page, fromHz)
}

/** Opens the phone preferences (a disclosure) unless they are open already. */
async function openPreferences(agent: WorkstationPage): Promise<void> {
  const save = agent.page.getByRole('button', { name: 'Guardar preferencias' })
  if (!(await save.isVisible())) await agent.page.getByText('Preferencias del teléfono').click()
  await expect(save).toBeVisible()
}

function alert(agent: WorkstationPage, text: string) {
  return agent.page.getByRole('alert').filter({ hasText: text })
}

async function openTransfer(agent: WorkstationPage, target: string): Promise<void> {
  // Keyboard first: Alt+T opens the form with the cursor in the target field.
  await agent.page.keyboard.press('Alt+T')
  const field = agent.page.getByLabel('Transferir a')
  await expect(field).toBeFocused()
  await field.fill(target)
}

test('blind transfer: the caller lands on the third agent, with audio both ways', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.page.getByRole('button', { name: 'Transferencia directa' }).click()
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')

  await expect(diego.phoneStatus).toContainText('Llamada entrante')
  await expect(diego.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await diego.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(diego.phoneStatus).toContainText('En llamada')
  await expect(ana.phoneStatus).toContainText('En llamada')
  await hears(ana.page, DIEGO_HZ)
  await hears(diego.page, ANA_HZ)
})

test('attended transfer: consult the target while the caller holds, then hand over', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.page.getByRole('button', { name: 'Consultar primero' }).click()
  await expect(diego.phoneStatus).toContainText('Llamada entrante')
  await expect(diego.page.getByTestId('caller-id')).toContainText('Bruno Salas')
  // Ana waits on hold: she hears nothing while Bruno and Diego talk.
  await hearsSilence(ana.page)
  await diego.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await expect(bruno.page.getByText('Consultando; Ana Ortiz espera en línea')).toBeVisible()
  await hears(bruno.page, DIEGO_HZ)
  await hears(diego.page, BRUNO_HZ)
  await hearsSilence(ana.page)

  await bruno.page.getByRole('button', { name: 'Completar transferencia' }).click()
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  // Diego's consult call is replaced by Ana's, without ringing again.
  await expect(diego.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await expect(diego.phoneStatus).toContainText('En llamada')
  await expect(ana.phoneStatus).toContainText('En llamada')
  await hears(ana.page, DIEGO_HZ)
  await hears(diego.page, ANA_HZ)
})

test('cancelling the consultation returns to the held caller, with audio', async () => {
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await openTransfer(bruno, '1003')
  await bruno.page.getByRole('button', { name: 'Consultar primero' }).click()
  await expect(diego.phoneStatus).toContainText('Llamada entrante')
  await diego.page.getByRole('button', { name: 'Contestar', exact: true }).click()
  await hears(bruno.page, DIEGO_HZ)

  await bruno.page.getByRole('button', { name: 'Cancelar consulta' }).click()
  await expect(diego.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
})

test('call waiting: answer the second call, the first holds, swap back; single line says busy', async () => {
  const startedAt = new Date().toISOString()
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  await call(diego, '1002')
  await expect(alert(bruno, 'Llamada en espera de')).toContainText('Diego Ramírez')
  // The card and the phone stay on Ana until Bruno picks the new caller.
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await expect(bruno.phoneStatus).toContainText('En llamada')

  await bruno.page.getByRole('button', { name: 'Contestar llamada en espera' }).click()
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Diego Ramírez')
  await expect(diego.phoneStatus).toContainText('En llamada')
  await hears(bruno.page, DIEGO_HZ)
  await hears(diego.page, BRUNO_HZ)
  await hearsSilence(ana.page)

  await bruno.page.keyboard.press('Alt+S')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await expect(bruno.page.getByRole('button', { name: 'Pasar a Diego Ramírez' })).toBeVisible()
  await hears(bruno.page, ANA_HZ)
  await hears(ana.page, BRUNO_HZ)
  await hearsSilence(diego.page)

  // Hang up the held line; the call in front goes on.
  await bruno.page.getByRole('button', { name: 'Colgar a Diego Ramírez' }).click()
  await expect(diego.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await hears(bruno.page, ANA_HZ)

  // Single-line mode: a second caller gets busy (486), as before call waiting existed.
  await openPreferences(bruno)
  await bruno.page.getByLabel('Una sola línea').check()
  await bruno.page.getByRole('button', { name: 'Guardar preferencias' }).click()
  await diego.finishWithDisposition()
  await call(diego, '1002')
  await expect(alert(diego, '486')).toBeVisible()
  await expect(diego.phoneStatus).toContainText('Disponible')
  await bruno.page.getByLabel('Una sola línea').uncheck()
  await bruno.page.getByRole('button', { name: 'Guardar preferencias' }).click()

  // Every call is its own interaction record: Bruno's three (two answered, the busy one
  // declined), with hold time only on the calls he held.
  await bruno.page.getByRole('button', { name: 'Colgar', exact: true }).click()
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.endedBy)}:${String(i.holdSeconds > 0)}`)
        .sort()
    )
    .toEqual([
      'inbound:answered:local:true',
      'inbound:answered:local:true',
      'inbound:declined:local:false',
      'outbound:answered:remote:false',
      'outbound:answered:remote:false',
      'outbound:failed:remote:false'
    ])
  // Two answered calls, two wrap-ups: Ana's (in front when it ended), then Diego's, hung up
  // while he held.
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await bruno.finishWithDisposition()
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Diego Ramírez')
  await bruno.finishWithDisposition()
  await expect(bruno.phoneStatus).toContainText('Disponible')
})

test('DTMF digits sent as SIP INFO arrive at the far end', async () => {
  // Chromium plays received RFC 4733 events into the audio and never hands them to JavaScript,
  // so no receiving WebRTC phone can observe them. SIP INFO is a real alternative agents pick
  // for PBXes and IVRs that only read signalling, and the receiving Atiende shows what arrived:
  // this proves the digits cross Kamailio end to end, not merely that a sender API was called.
  await openPreferences(ana)
  await ana.page.getByLabel('Envío de tonos').selectOption({ label: 'SIP INFO' })
  await ana.page.getByRole('button', { name: 'Guardar preferencias' }).click()
  await connect(ana, ANA_HZ, bruno, BRUNO_HZ, '1002')

  for (const digit of ['4', '2', '#']) {
    await ana.page.getByRole('button', { name: `Tono ${digit}` }).click()
  }
  await expect(bruno.page.getByRole('status', { name: 'Tonos recibidos' })).toHaveText('42#')
})

test('an unanswered call ends with "no answer"; a caller who gives up leaves a missed call', async () => {
  const startedAt = new Date().toISOString()
  await openPreferences(ana)
  const timeout = ana.page.getByLabel(/Tiempo máximo de llamada saliente/)
  await timeout.fill('3')
  await ana.page.getByRole('button', { name: 'Guardar preferencias' }).click()

  await call(ana, '1002')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await expect(alert(ana, 'No contesta')).toBeVisible()
  await expect(ana.phoneStatus).toContainText('Disponible')
  await expect(bruno.phoneStatus).toContainText('Disponible')

  await timeout.fill('60')
  await ana.page.getByRole('button', { name: 'Guardar preferencias' }).click()
  await call(ana, '1002')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await ana.page.getByRole('button', { name: 'Colgar', exact: true }).click()
  await expect(ana.phoneStatus).toContainText('Disponible')
  await expect(bruno.phoneStatus).toContainText('Disponible')

  // Both attempts reached the server: failed for Ana, missed for Bruno.
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt)
        .map((i) => `${i.direction}:${i.result}:${String(i.endedBy)}`)
        .sort()
    )
    .toEqual([
      'inbound:missed:remote',
      'inbound:missed:remote',
      'outbound:failed:local',
      'outbound:failed:local'
    ])
})

test('redial calls the last number again, from the keyboard', async () => {
  await call(ana, '1002')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await bruno.page.keyboard.press('Alt+D')
  await expect(alert(ana, '486')).toBeVisible()
  await expect(ana.page.getByRole('button', { name: 'Volver a llamar a 1002' })).toBeVisible()

  await ana.page.keyboard.press('Alt+R')
  await expect(bruno.phoneStatus).toContainText('Llamada entrante')
  await expect(bruno.page.getByTestId('caller-id')).toContainText('Ana Ortiz')
  await bruno.page.keyboard.press('Alt+A')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)
})

test('auto-answer: always answers by itself; "when asked" answers an intercom INVITE', async () => {
  await openPreferences(bruno)
  const mode = bruno.page.getByLabel('Contestar automáticamente')
  await mode.selectOption({ label: 'Siempre' })
  await bruno.page.getByRole('button', { name: 'Guardar preferencias' }).click()
  await call(ana, '1002')
  await expect(bruno.phoneStatus).toContainText('En llamada')
  await hears(ana.page, BRUNO_HZ)
  await hears(bruno.page, ANA_HZ)
  await bruno.page.getByRole('button', { name: 'Colgar', exact: true }).click()
  await bruno.finishWithDisposition()

  // A PBX page (Call-Info answer-after=0) from a plain RTP peer: Bruno's phone answers it by
  // itself, which for a classic peer without a media relay ends in after-call work (a declined
  // or unanswered call would have gone straight back to available).
  await mode.selectOption({ label: 'Cuando la centralita lo pida (intercomunicador)' })
  await bruno.page.getByRole('button', { name: 'Guardar preferencias' }).click()
  const sipp = runSippCall(dir, kamailio.sipPort, {
    extension: '1002',
    callerNumber: '2001',
    callerName: 'Megafonía',
    headers: { 'Call-Info': '<sip:pbx@atiende.local>;answer-after=0' }
  })
  await expect(bruno.phoneStatus).toContainText('Trabajo posterior a la llamada')
  const result = await sipp
  expect(result.code, result.log).toBe(0)
  await mode.selectOption({ label: 'Nunca' })
  await bruno.page.getByRole('button', { name: 'Guardar preferencias' }).click()
})

test("click-to-call dials a number from the customer's card", async () => {
  await ana.waitForFirstSync()
  await ana.page.keyboard.press('/')
  await ana.page.keyboard.type('jose nunez pena')
  const results = ana.page.getByRole('listbox', { name: 'Resultados de la búsqueda' })
  await expect(results.getByRole('option').first()).toContainText('José Núñez Peña')
  await ana.page.keyboard.press('Enter')
  await ana.card.getByRole('button', { name: 'Llamar a +34612345678' }).click()
  // Nobody in this test owns that number: the INVITE leaves and the proxy says so.
  await expect(alert(ana, '480')).toBeVisible()
  await expect(ana.phoneStatus).toContainText('Disponible')
})
