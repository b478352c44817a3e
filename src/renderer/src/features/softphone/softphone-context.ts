/**
 * The softphone the app created (its call controller and its SIP line), handed to the components
 * through React context: one per app, and a test can build its own with fakes.
 */
import { createContext, useContext } from 'react'

import type { CallController } from './call-controller'
import type { SipLine } from './phone-line'

export interface Softphone {
  calls: CallController
  line: SipLine
}

const SoftphoneContext = createContext<Softphone | null>(null)

export const SoftphoneProvider = SoftphoneContext.Provider

export function useSoftphone(): Softphone {
  const softphone = useContext(SoftphoneContext)
  if (!softphone) throw new Error('useSoftphone() outside a SoftphoneProvider')
  return softphone
}
