/**
 * The walking slice: log in, a customer's call rings through the phone system, the customer card
 * pops while it rings, answer, log a complaint, watch it sync with a case number, and keep it
 * through a reload, a server restart and a server outage.
 */
import { serverComplaints } from '@support/server-api'
import { expect, test } from './fixtures'
import { KNOWN_CALLER, knownCallerRings, openKnownCaller } from './support/known-caller'

// The server is stopped and restarted here: nobody else's.
test.use({ phoneSystem: true, ownServer: true })

test('a complaint logged on a customer call reaches the server exactly once, through restarts and an outage', async ({
  page,
  phones,
  server,
  workstation
}) => {
  const { softphone, card, complaints, syncBar } = workstation
  const [caller] = await Promise.all([openKnownCaller(phones), workstation.loginSynced('ana')])

  await knownCallerRings(workstation, 'ana', caller)
  await expect(card.customer(KNOWN_CALLER.name)).toBeVisible()
  // The card popped while the phone was still ringing, before anyone answered.
  await expect(softphone.status).toContainText('Llamada entrante')
  await expect(card.region).toContainText('+34612345678')
  await expect(card.region).toContainText('Valor: Alto rendimiento')
  await expect(card.region).toContainText('Fibra 1 Gb')

  await softphone.answer.click()
  await expect(softphone.status).toContainText('En llamada')
  await expect(softphone.timer).toBeVisible()

  const first = `Cobro duplicado en la factura ${Date.now()}`
  await workstation.logComplaint('Facturación', first)
  const firstItem = complaints.complaint(first)
  await expect(firstItem).toBeVisible()
  await expect(firstItem).toContainText(/Sincronizada · QR-\d+/)
  const caseNumber = (await firstItem.textContent())?.match(/QR-\d+/)?.[0]
  expect(caseNumber).toBeDefined()

  await softphone.hangUp.click()
  await expect(softphone.status).toContainText('Trabajo posterior a la llamada')

  // A reload keeps the session and the complaint with its case number.
  await page.reload()
  await complaints.open()
  await expect(complaints.complaint(first)).toContainText(caseNumber ?? 'missing')

  // A server restart keeps everything on both ends.
  await server.stop()
  await server.start()
  await page.reload()
  await complaints.open()
  await expect(complaints.complaint(first)).toContainText(caseNumber ?? 'missing')
  const afterRestart = await serverComplaints(server.url)
  expect(afterRestart.filter((c) => c.description === first)).toHaveLength(1)

  // With the server down, a new complaint is kept locally and shown as pending.
  await server.stop()
  const second = `Pedido sin entregar ${Date.now()}`
  await workstation.logComplaint('Entrega', second)
  await expect(complaints.complaint(second)).toContainText('Pendiente de sincronizar')
  await expect(syncBar.status).toContainText('Pendientes: 1')

  // When the server is back, it arrives exactly once.
  await server.start()
  await expect(complaints.complaint(second)).toContainText(/Sincronizada · QR-\d+/, {
    timeout: 60_000
  })
  await expect(syncBar.status).toContainText('Pendientes: 0')
  const atEnd = await serverComplaints(server.url)
  expect(atEnd.filter((c) => c.description === first)).toHaveLength(1)
  expect(atEnd.filter((c) => c.description === second)).toHaveLength(1)
  const ana = atEnd.find((c) => c.description === second)
  expect(ana?.category).toBe('delivery')
})
