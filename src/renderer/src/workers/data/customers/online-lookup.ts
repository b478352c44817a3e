/**
 * The online lookup: `GET /api/customers/lookup` with a short timeout. A ringing phone cannot
 * wait for a slow server, so anything but a quick, well-formed answer counts as "failed".
 */
import { z } from 'zod'

import { customerSchema } from '@shared/domain/customer'

import type { Timers } from '@shared/retry/backoff'
import type { OnlineLookup } from './match'
import type { FetchLike } from '../sync/http'

/** Long enough for a healthy server on a LAN or WAN, short against a ring of a few seconds. */
export const ONLINE_LOOKUP_TIMEOUT_MS = 800

const lookupResponseSchema = z.object({ e164: z.string(), customers: z.array(customerSchema) })

export interface OnlineLookupOptions {
  fetch: FetchLike
  serverUrl: string
  accessToken: () => string
  timers: Timers
  timeoutMs?: number
}

export function createOnlineLookup(options: OnlineLookupOptions): OnlineLookup {
  return async (e164) => {
    const controller = new AbortController()
    const timer = options.timers.setTimeout(() => {
      controller.abort()
    }, options.timeoutMs ?? ONLINE_LOOKUP_TIMEOUT_MS)
    try {
      const url = new URL('/api/customers/lookup', options.serverUrl)
      url.searchParams.set('phone', e164)
      const response = await options.fetch(url.toString(), {
        method: 'GET',
        headers: { authorization: `Bearer ${options.accessToken()}` },
        signal: controller.signal
      })
      if (!response.ok) return null
      const parsed = lookupResponseSchema.safeParse(await response.json())
      return parsed.success ? parsed.data.customers : null
    } catch {
      return null
    } finally {
      options.timers.clearTimeout(timer)
    }
  }
}
