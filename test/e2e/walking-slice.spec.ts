/**
 * The walking slice: log in, a practice call rings, the customer card pops while it rings,
 * answer, log a complaint, watch it sync with a case number, and keep it through a reload, a
 * server restart and a server outage.
 */
import { expect, test } from './fixtures'
import { serverComplaints } from '../support/server-api'

test('a complaint logged on a practice call reaches the server exactly once, through restarts and an outage', async ({
  page,
  server,
  workstation
}) => {
  await workstation.login('ana')
  await workstation.waitForFirstSync()

  await workstation.startPracticeCall('Cliente conocido (número nacional)')
  await expect(workstation.phoneStatus).toContainText('Llamada entrante')
  await expect(workstation.card.getByRole('heading', { name: 'José Núñez Peña' })).toBeVisible()
  // The card popped while the phone was still ringing, before anyone answered.
  await expect(workstation.phoneStatus).toContainText('Llamada entrante')
  await expect(workstation.card).toContainText('+34612345678')
  await expect(workstation.card).toContainText('Valor: Alto rendimiento')
  await expect(workstation.card).toContainText('Fibra 1 Gb')

  await page.getByRole('button', { name: 'Contestar' }).click()
  await expect(workstation.phoneStatus).toContainText('En llamada')
  await expect(page.getByRole('timer', { name: 'Duración' })).toBeVisible()

  const first = `Cobro duplicado en la factura ${Date.now()}`
  await workstation.logComplaint('Facturación', first)
  const firstItem = workstation.complaint(first)
  await expect(firstItem).toBeVisible()
  await expect(firstItem).toContainText(/Sincronizada · QR-\d+/)
  const caseNumber = (await firstItem.textContent())?.match(/QR-\d+/)?.[0]
  expect(caseNumber).toBeDefined()

  await page.getByRole('button', { name: 'Colgar' }).click()
  await expect(workstation.phoneStatus).toContainText('Trabajo posterior a la llamada')

  // A reload keeps the session and the complaint with its case number.
  await page.reload()
  await expect(workstation.complaint(first)).toContainText(caseNumber ?? 'missing')

  // A server restart keeps everything on both ends.
  await server.stop()
  await server.start()
  await page.reload()
  await expect(workstation.complaint(first)).toContainText(caseNumber ?? 'missing')
  const afterRestart = await serverComplaints(server.url)
  expect(afterRestart.filter((c) => c.description === first)).toHaveLength(1)

  // With the server down, a new complaint is kept locally and shown as pending.
  await server.stop()
  const second = `Pedido sin entregar ${Date.now()}`
  await workstation.logComplaint('Entrega', second)
  await expect(workstation.complaint(second)).toContainText('Pendiente de sincronizar')
  await expect(workstation.syncStatus).toContainText('Pendientes: 1')

  // When the server is back, it arrives exactly once.
  await server.start()
  await expect(workstation.complaint(second)).toContainText(/Sincronizada · QR-\d+/, {
    timeout: 60_000
  })
  await expect(workstation.syncStatus).toContainText('Pendientes: 0')
  const atEnd = await serverComplaints(server.url)
  expect(atEnd.filter((c) => c.description === first)).toHaveLength(1)
  expect(atEnd.filter((c) => c.description === second)).toHaveLength(1)
  const ana = atEnd.find((c) => c.description === second)
  expect(ana?.category).toBe('delivery')
})
