/**
 * Wrap-up on a customer's call through the phone system (a Chromium phone registered as the
 * customer's number): the phone refuses to finish until the call has a disposition; the agent
 * picks one from the keyboard, schedules a callback from the wrap-up, and both reach the server
 * as production records, the disposition tied to the call's interaction; the callback waits in
 * "my callbacks" with its reminder until it is marked done. A script's end outcome preselects
 * the disposition.
 */
import type { Page } from '@playwright/test'

import {
  loginAs,
  serverCallbacks,
  serverDispositions,
  serverInteractions
} from '@support/server-api'
import { expect, test } from './fixtures'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// The checks list every disposition and callback on the server, and the codes change here.
test.use({ phoneSystem: true, ownServer: true })

/** A minute ago, as the browser's `datetime-local` input writes it (its own time zone). */
function aMinuteAgoLocal(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() - 60_000)
    const p = (n: number) => String(n).padStart(2, '0')
    return `${String(d.getFullYear())}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
  })
}

test('the wrap-up needs a disposition; it and a callback reach the server as production records', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('bruno')])
  await answerKnownCaller(ws, 'bruno', caller, { keyboard: true })
  await page.keyboard.press('Alt+H')
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')

  // Keyboard first: the wrap-up opens with the disposition search focused.
  const search = ws.wrapUp.search
  await expect(search).toBeFocused()

  // Finishing without a disposition is refused, with the reason, and the agent stays in wrap-up.
  await ws.softphone.finishWrapUp.click()
  await expect(ws.softphone.alert('Elige y guarda la disposición')).toBeVisible()
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')

  // Typing filters, Enter picks.
  await search.click()
  await page.keyboard.type('volver')
  await expect(ws.wrapUp.region.getByRole('radio')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(ws.wrapUp.disposition('Volver a llamar')).toBeChecked()
  await expect(ws.wrapUp.region).toContainText('pide programar una devolución')

  // The callback, prefilled from the call, is due already: the reminder comes at once.
  await ws.wrapUp.scheduleCallback.click()
  const callbacks = ws.callbacks.region
  const form = ws.callbacks.form
  await expect(form.getByLabel('Contacto')).toHaveValue('José Núñez Peña')
  await expect(form.getByLabel('Teléfono')).toHaveValue('+34612345678')
  await form.getByLabel('Fecha y hora').fill(await aMinuteAgoLocal(page))
  await form.getByLabel('Nota').fill('Confirmar el abono de marzo')
  await form.getByRole('button', { name: 'Programar' }).click()
  await expect(form).toHaveCount(0)
  const item = ws.callbacks.callback('José Núñez Peña')
  await expect(item).toContainText('Ahora')
  await expect(item).not.toContainText('Práctica')
  // No calling back from the wrap-up: the phone is not free yet.
  const callBack = item.getByRole('button', { name: 'Llamar a José Núñez Peña' })
  await expect(callBack).toBeDisabled()
  await expect(ws.callbacks.reminder('Es hora de devolver la llamada a José')).toBeVisible()

  await ws.wrapUp.note.fill('Pide que le llamen por la mañana')
  await ws.wrapUp.saveAndFinish.click()
  await expect(ws.softphone.status).toContainText('Disponible')
  await expect(callBack).toBeEnabled()

  const bruno = (await loginAs(server.url, 'bruno')).user.id
  // The call's own record: Bruno's inbound call from José's number.
  const callInteraction = async () =>
    (await serverInteractions(server.url)).find(
      (i) => i.agentId === bruno && i.direction === 'inbound' && i.remoteE164 === '+34612345678'
    )?.id ?? null
  await expect.poll(callInteraction).not.toBeNull()
  const interactionId = await callInteraction()
  await expect
    .poll(async () =>
      (await serverDispositions(server.url)).map((d) => ({
        code: d.code,
        note: d.note,
        practice: d.practice,
        interactionId: d.interactionId,
        agentId: d.agentId,
        hasCustomer: d.customerId !== null
      }))
    )
    .toEqual([
      {
        code: 'callback_scheduled',
        note: 'Pide que le llamen por la mañana',
        practice: false,
        interactionId,
        agentId: bruno,
        hasCustomer: true
      }
    ])
  const scheduled = async () =>
    (await serverCallbacks(server.url)).map((c) => ({
      phone: c.phoneE164,
      note: c.note,
      assignee: c.assigneeId,
      practice: c.practice,
      status: c.status
    }))
  await expect.poll(scheduled).toEqual([
    {
      phone: '+34612345678',
      note: 'Confirmar el abono de marzo',
      assignee: bruno,
      practice: false,
      status: 'open'
    }
  ])

  // Done: it leaves the list, and the server has it done.
  await callbacks.getByRole('alert').getByRole('button', { name: 'Entendido' }).click()
  await item
    .getByRole('button', { name: 'Marcar como hecha la devolución a José Núñez Peña' })
    .click()
  await expect(item).toHaveCount(0)
  await expect(callbacks).toContainText('No tienes devoluciones pendientes')
  await expect.poll(async () => (await scheduled()).map((c) => c.status)).toEqual(['done'])
})

test('a script’s outcome preselects the disposition, and Ctrl+Enter saves it', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('fernando')])
  await answerKnownCaller(ws, 'fernando', caller, { keyboard: true })
  const { step } = ws.script
  await expect(step).toContainText('Buenos días, José. Gracias por llamar.')
  await page.keyboard.press('Enter')
  await page.keyboard.press('3')
  await page.keyboard.press('Enter')
  await expect(step).toContainText('Gracias por llamar, José.')
  await page.keyboard.press('Enter')
  await expect(step).toContainText('Resultado: Resuelto en la llamada')
  await page.keyboard.press('Enter')
  await expect(ws.script.status).toHaveText('Guion completado')

  await page.keyboard.press('Alt+H')
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ws.wrapUp.disposition('Resuelto en la llamada')).toBeChecked()
  await expect(ws.wrapUp.region).toContainText('Sugerida por el guion')
  await expect(ws.wrapUp.search).toBeFocused()
  await page.keyboard.press('Control+Enter')
  await expect(ws.softphone.status).toContainText('Disponible')

  const fernando = (await loginAs(server.url, 'fernando')).user.id
  await expect
    .poll(async () =>
      (await serverDispositions(server.url))
        .filter((d) => d.agentId === fernando)
        .map((d) => d.code)
    )
    .toEqual(['resolved'])
})

test('a disposition code an admin adds is offered in the wrap-up, and a retired one no longer', async ({
  page,
  phones,
  server,
  workstation: ws
}) => {
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('diego')])
  await answerKnownCaller(ws, 'diego', caller, { keyboard: true })
  const admin = (await loginAs(server.url, 'admin')).accessToken
  const configure = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/admin/configuration${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    expect(response.status).toBeLessThan(300)
  }
  await page.keyboard.press('Alt+H')
  await expect(ws.softphone.status).toContainText('Trabajo posterior a la llamada')
  await expect(ws.wrapUp.disposition('Número equivocado')).toBeVisible()

  // While the agent is in the wrap-up, the admin adds one code and retires another: the list
  // follows at once (a poke, then a pull).
  await configure('/disposition-codes', {
    code: 'promise_to_pay',
    label: { es: 'Promesa de pago', en: 'Promise to pay' }
  })
  await configure('/disposition-codes/wrong_number/retire')
  await expect(ws.wrapUp.disposition('Promesa de pago')).toBeVisible()
  await expect(ws.wrapUp.disposition('Número equivocado')).toHaveCount(0)

  await ws.wrapUp.search.fill('promesa')
  await page.keyboard.press('Enter')
  await expect(ws.wrapUp.disposition('Promesa de pago')).toBeChecked()
  await page.keyboard.press('Control+Enter')
  await expect(ws.softphone.status).toContainText('Disponible')

  const diego = (await loginAs(server.url, 'diego')).user.id
  await expect
    .poll(async () =>
      (await serverDispositions(server.url)).filter((d) => d.agentId === diego).map((d) => d.code)
    )
    .toEqual(['promise_to_pay'])
  await configure('/disposition-codes/wrong_number/restore')
})
