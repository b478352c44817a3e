/**
 * Ring-only calls to a desk from sipp (support/sipp.ts), for checks of the ring and the card: the
 * call is started and not awaited, so its INVITE keeps ringing while the test looks at the desk,
 * and the desk declines it at the end (sipp cannot be answered: its offer has no DTLS).
 */
import { expect } from '@playwright/test'

import { demoSipExtensions } from '@server/seed/demo-users'
import type { SipPeer } from '../fixtures'
import type { Workstation } from '../pages/workstation'
import type { SippCall } from './sipp'

/** `user`'s demo extension, the one the phone system rings. */
export function extensionOf(user: string): string {
  const extension = demoSipExtensions[user]
  if (extension === undefined) throw new Error(`${user} has no demo SIP extension`)
  return extension
}

export interface Ringing {
  /** Declines the call on the desk; checks sipp saw its final answer and the desk is free. */
  decline(): Promise<void>
  /** For a test that ends the call itself: waits until sipp saw its final answer. */
  ended(): Promise<void>
}

/**
 * sipp calls `user`'s extension once their desk `ws` is registered; resolves when it rings.
 * The caller's details are `call`'s (number, display name, CTI headers).
 */
export async function sippRings(
  ws: Workstation,
  user: string,
  sipPeer: SipPeer,
  call: Omit<SippCall, 'extension'>
): Promise<Ringing> {
  await ws.softphone.openDesk()
  // Before the desk registered, the proxy would find nobody at the extension.
  await expect(ws.softphone.line).toHaveText('Registrado')
  const done = sipPeer.call({ ...call, extension: extensionOf(user) })
  await expect(ws.softphone.status).toContainText('Llamada entrante')
  const ended = async () => {
    const result = await done
    expect(result.code, result.log).toBe(0)
  }
  return {
    decline: async () => {
      await ws.softphone.decline.click()
      await ended()
      await expect(ws.softphone.status).toContainText('Disponible')
    },
    ended
  }
}
