import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'

/** CTI header names an IVR may set; configurable per site later (issue #4). */
const CTI_CUSTOMER_HEADERS = ['x-customer-id', 'x-account']
export const DEFAULT_COUNTRY = 'ES'

/** Runs on ring: the card must be on screen before the agent answers. */
export async function popCustomerFor(info: CallInfo): Promise<void> {
  const client = dataClient()
  const store = useAppStore.getState()
  store.popLookupStarted(info.id)
  if (!client) return
  const cti = CTI_CUSTOMER_HEADERS.map((h) => info.ctiHeaders[h]).find((v) => v !== undefined)
  const result = await client.send('customer:match', {
    callerNumber: info.remoteNumber,
    ctiCustomerId: cti ?? null,
    defaultCountry: DEFAULT_COUNTRY
  })
  const match = result.ok
    ? result.data
    : { matchedBy: 'none' as const, normalizedNumber: null, customers: [] }
  useAppStore.getState().popMatched(info.id, match)
}
