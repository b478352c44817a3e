/**
 * A phone that calls as a customer: since colleagues are recognised by extension, a test whose
 * caller plays a customer (scripts, dispositions, transfers of a customer's call) opens that
 * person's phone registered under a number that is nobody's extension, as a PSTN caller arrives
 * at the desk. It uses the workstation's own SIP account override (Phone settings), set before
 * the app loads; the display name stays the user's (so the callee still sees who it is) unless
 * the test gives the customer's.
 */
import { expect } from '@playwright/test'

import { ColleagueCard } from '../pages/colleague-card'
import type { Workstation } from '../pages/workstation'
import type { OpenPhoneOptions } from './softphones'

/**
 * Open options for a phone registered as `sip:<number>@atiende.local` instead of its extension;
 * with `displayName`, it also calls under that name (a customer's own, as a carrier passes it).
 */
export function asCustomerLine(number: string, displayName?: string): OpenPhoneOptions {
  return {
    prepare: async (context) => {
      await context.addInitScript(
        ({ user, name }) => {
          const account = {
            uri: `sip:${user}@atiende.local`,
            authUser: user,
            ...(name === null ? {} : { displayName: name })
          }
          const overrides = {
            wsServers: [],
            iceServers: [],
            useCustomIce: false,
            account,
            rememberPassword: false
          }
          localStorage.setItem('atiende.sip-overrides', JSON.stringify(overrides))
        },
        { user: number, name: displayName ?? null }
      )
    }
  }
}

/**
 * Ends `ws`'s after-call work whatever the call was: a customer's needs its disposition, a
 * colleague's has none to give (the phone's finish ends it).
 */
export async function finishAfterCall(ws: Workstation): Promise<void> {
  const colleagueCall = new ColleagueCard(ws.page).noDisposition
  await expect(colleagueCall.or(ws.wrapUp.search)).toBeVisible()
  if (await colleagueCall.isVisible()) await ws.softphone.finishWrapUp.click()
  else await ws.finishWithDisposition()
}
