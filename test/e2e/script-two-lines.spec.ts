/**
 * One script run per line, end to end: Bruno has the inbound script running on Ana's call, takes
 * Diego's call waiting (Ana goes on hold), works Diego's own run, swaps back and finds Ana's run
 * where he left it, with his answer. Both calls end; the server then holds exactly one run per
 * call, each with its own path. Real Chromium phones through Kamailio, as in the transfer spec.
 */
import { serverInteractions, serverScriptAnalytics } from '@support/server-api'
import { expect, test } from './fixtures'
import type { Workstation } from './pages/workstation'
import { asCustomerLine, finishAfterCall } from './support/customer-line'
import { TONE_HZ, hears, hearsSilence } from './support/softphones'

const ANA_HZ = TONE_HZ.ana
const DIEGO_HZ = TONE_HZ.diego

// The checks count every real call's script run on the server: only this file's may be there.
test.use({ phoneSystem: true, ownServer: true })

async function call(from: Workstation, extension: string): Promise<void> {
  await from.softphone.dial(extension)
}

const GREETING = 'Buenos días, gracias por llamar.'
const REASON = '¿Cuál es el motivo de la llamada?'
const BILLING_CHECK = '¿Se resolvió la duda de facturación?'
const INFORM = 'Le doy la información que necesita.'

test('each call keeps its own script run across call waiting and a swap', async ({
  phones,
  server
}) => {
  const startedAt = new Date().toISOString()
  // Ana and Diego play customers: their phones call from numbers that are nobody's extension
  // (a colleague's call would start no script).
  const ana = await phones.open('ana', asCustomerLine('5550101'))
  const bruno = await phones.open('bruno')
  const diego = await phones.open('diego', asCustomerLine('5550103'))
  const b = bruno.page
  const { script, softphone } = bruno

  // Ana calls; the rules start the inbound script on Bruno's call when he answers.
  await call(ana, '1002')
  await expect(bruno.softphone.status).toContainText('Llamada entrante')
  await softphone.answer.click()
  await expect(bruno.softphone.status).toContainText('En llamada')
  await hears(b, ANA_HZ)
  await expect(script.switcher).toHaveValue('inbound-service')
  await expect(script.step).toContainText(GREETING)
  await script.stepButton('Siguiente').click()
  await expect(script.step).toContainText(REASON)
  await script.stepButton('1 Facturación').click()
  await expect(script.step).toContainText(BILLING_CHECK)

  // Diego calls: call waiting. The panel stays on Ana's run until Bruno picks the new call.
  await call(diego, '1002')
  await expect(softphone.alert('Llamada en espera de')).toContainText('Diego Ramírez')
  await expect(script.step).toContainText(BILLING_CHECK)

  // Answering puts Ana on hold; Diego's call gets a run of its own, from the start.
  await softphone.answerWaiting.click()
  await expect(softphone.callerId).toContainText('Diego Ramírez')
  await hears(b, DIEGO_HZ)
  await hearsSilence(ana.page)
  await expect(script.step).toContainText(GREETING)
  expect(await script.pathTaken()).not.toContain('Motivo: billing')
  await script.stepButton('Siguiente').click()
  await expect(script.step).toContainText(REASON)
  await script.stepButton('3 Información').click()
  await expect(script.step).toContainText(INFORM)

  // Swap back (Alt+S): Ana's run is where Bruno left it, with his answer kept, and it goes on.
  await b.keyboard.press('Alt+S')
  await expect(softphone.callerId).toContainText('Ana Ortiz')
  await hears(b, ANA_HZ)
  await expect(script.step).toContainText(BILLING_CHECK)
  const anaPath = await script.pathTaken()
  expect(anaPath).toContain('Motivo: billing')
  expect(anaPath).not.toContain('Motivo: information')

  // Diego's held line hangs up first: his run ends there, and Ana's, in front, is untouched.
  await softphone.button('Colgar a Diego Ramírez').click()
  await expect(diego.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.softphone.status).toContainText('En llamada')
  await expect(script.step).toContainText(BILLING_CHECK)
  await script.stepButton('1 Sí').click()
  await expect(script.step).toContainText('Gracias por llamar')
  await script.stepButton('Siguiente').click()
  await expect(script.step).toContainText('Resultado: Resuelto en la llamada')
  await script.stepButton('Cerrar guion').click()
  await expect(script.status).toHaveText('Guion completado')

  // Ana's call ends; its wrap-up starts with the script's outcome as the disposition.
  await softphone.hangUp.click()
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(bruno.wrapUp.disposition('Resuelto en la llamada')).toBeChecked()
  await bruno.finishWithDisposition()
  // Diego's call ended behind Ana's: it gets its own wrap-up next, with his card.
  await expect(bruno.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(softphone.callerId).toContainText('Diego Ramírez')
  await expect(bruno.wrapUp.disposition('Resuelto en la llamada')).not.toBeChecked()
  await bruno.finishWithDisposition()
  await expect(bruno.softphone.status).toContainText('Disponible')
  // The callers wrap up their side too (they called Bruno's extension: a colleague, so no
  // disposition is asked of them).
  for (const caller of [ana, diego]) {
    await expect(caller.softphone.status).toContainText('Trabajo posterior a la llamada')
    await finishAfterCall(caller)
    await expect(caller.softphone.status).toContainText('Disponible')
  }

  // The server has one run per call: Ana's closed through billing, Diego's abandoned when his
  // call ended, at the information step. A shared or repeated run would show in every figure.
  await expect
    .poll(async () => {
      const report = await serverScriptAnalytics(server.url, 'inbound-service', 1, false)
      return {
        runs: report.runs,
        closed: report.closed,
        abandoned: report.abandoned,
        outcomes: report.outcomes,
        nodes: report.nodes.map((n) => `${n.nodeId}:${String(n.runs)}:${String(n.dropOffs)}`).sort()
      }
    })
    .toEqual({
      runs: 2,
      closed: 1,
      abandoned: 1,
      outcomes: [{ code: 'resolved', runs: 1 }],
      // Branch steps are on the path too; "node:runs that reached it:drop-offs there".
      nodes: [
        'billing-check:1:0',
        'billing-route:1:0',
        'end-resolved:1:0',
        'greet-unknown:2:0',
        'greet:2:0',
        'inform:1:1',
        'reason:2:0',
        'route:2:0',
        'wrap-resolved:1:0'
      ]
    })
  // And they belong to Bruno's two answered calls, nothing more.
  await expect
    .poll(async () =>
      (await serverInteractions(server.url))
        .filter((i) => i.ringAt >= startedAt && i.direction === 'inbound')
        .map((i) => i.result)
    )
    .toEqual(['answered', 'answered'])
})
