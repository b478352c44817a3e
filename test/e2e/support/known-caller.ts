/**
 * The known caller, José Núñez Peña, on a real call: his phone (a bare SIP.js page,
 * customer-phone.ts) registered as his mobile (612 34 56 78, signalled in national format, so
 * the desk normalises it to +34612345678) dials the agent's extension through the phone system
 * (Kamailio), as a customer's call reaches an agent. For specs that answer the call (complaints,
 * scripts, wrap-up, the floor); a check that only needs the ring and the card uses sipp
 * (support/sipp.ts), which needs no browser.
 *
 * Open the caller's phone while the agent logs in (`Promise.all`): it costs a Chromium process.
 */
import { expect } from '@playwright/test'

import type { Workstation } from '../pages/workstation'
import type { CustomerPhone } from './customer-phone'
import { extensionOf } from './sip-ring'
import type { Phones } from './softphones'

export const KNOWN_CALLER = {
  /** The name his card shows. */
  name: 'José Núñez Peña',
  /** His mobile as his phone line is registered (and so signals it in the From). */
  number: '612345678',
  /** The display name his carrier passes. */
  displayName: 'José Núñez'
} as const

export interface KnownCallerOptions {
  /** His number as his line signals it, when a spec checks another format (`0034612345678`). */
  number?: string
}

/** José's phone, registered and ready to dial. */
export function openKnownCaller(
  phones: Phones,
  { number = KNOWN_CALLER.number }: KnownCallerOptions = {}
): Promise<CustomerPhone> {
  return phones.customer({ number, displayName: KNOWN_CALLER.displayName })
}

/**
 * `caller` (José's phone) dials `agent`'s extension; resolves once `ws` (that agent's desk) rings
 * with José's card popped.
 */
export async function knownCallerRings(
  ws: Workstation,
  agent: string,
  caller: CustomerPhone
): Promise<void> {
  await ws.softphone.openDesk()
  // A call placed before the desk registered would find nobody at the extension.
  await expect(ws.softphone.line).toHaveText('Registrado')
  await caller.softphone.dial(extensionOf(agent))
  try {
    await expect(ws.softphone.status).toContainText('Llamada entrante')
  } catch (error) {
    // The caller's side says why (refused by the proxy, connection lost) when the desk never rang.
    const said = await caller.softphone.status.textContent()
    throw new Error(`${(error as Error).message}\ncaller's phone: ${said ?? '?'}`)
  }
  await expect(ws.card.customer(KNOWN_CALLER.name)).toBeVisible()
}

/**
 * José's call rings `agent`'s desk and the agent answers it, with the mouse or (`keyboard`) with
 * Alt+A; resolves once both ends are in the call.
 */
export async function answerKnownCaller(
  ws: Workstation,
  agent: string,
  caller: CustomerPhone,
  { keyboard = false }: { keyboard?: boolean } = {}
): Promise<void> {
  await knownCallerRings(ws, agent, caller)
  if (keyboard) await ws.page.keyboard.press('Alt+A')
  else await ws.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
  await expect(caller.softphone.status).toContainText('En llamada')
}
