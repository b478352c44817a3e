/** The customer requests: matching on ring, quick-create, lookups and search over the cache. */
import { z } from 'zod'

import type { CustomerMatch, WorkerArgs } from '@shared/contract/worker'
import { languages } from '@shared/domain/customer'

import { listLimit, request, type RequestSlice } from '../request-table'
import type { Session } from '../session/session'
import { cacheCustomers, createCustomer } from './commands'
import { matchCaller } from './match'
import { createOnlineLookup } from './online-lookup'
import { getCustomer, matchCustomer } from './queries'
import { searchCustomers } from './search'

const country = z.string().regex(/^[A-Z]{2}$/)

export const customerRequests = {
  'customer:match': request(
    z.object({
      callerNumber: z.string().max(256),
      ctiCustomerId: z.string().max(128).nullable(),
      // Header values are hostile: bounded here, and over-long ones are skipped by the matcher.
      ctiIds: z.array(z.string().max(1024)).max(16).optional(),
      defaultCountry: country,
      online: z.boolean().optional()
    }),
    'signalled',
    (host, args) => matchOnRing(host.session, args)
  ),
  'customer:create': request(
    z.object({
      firstName: z.string().trim().min(1).max(120),
      lastName: z.string().trim().max(120),
      phoneE164: z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/)
        .nullable(),
      email: z.email().max(254).nullable(),
      preferredLanguage: z.enum(languages)
    }),
    'typed',
    async (host, args) => ({
      customer: await host.session.write((store) => createCustomer(store, args), ['customer'])
    })
  ),
  'customer:get': request(z.object({ id: z.string().max(128) }), 'typed', (host, { id }) => ({
    customer: getCustomer(host.session.store.db, id)
  })),
  'customer:search': request(
    z.object({ query: z.string().max(256), limit: listLimit, defaultCountry: country.optional() }),
    'typed',
    (host, { query, limit, defaultCountry }) => ({
      customers: searchCustomers(host.session.store.db, query, limit, defaultCountry)
    })
  )
} satisfies RequestSlice

/** Matching on ring; the online lookup only when the last sync pass reached the server. */
function matchOnRing(session: Session, args: WorkerArgs<'customer:match'>): Promise<CustomerMatch> {
  const unreachable = session.engine.status().lastError?.code === 'unavailable'
  const online = args.online === false || unreachable ? null : createOnlineLookup(session.server)
  return matchCaller(
    {
      matchLocal: (a) => matchCustomer(session.store.db, a),
      cacheCustomers: (customers) => {
        cacheCustomers(session.store, customers)
        session.cached(['customer'])
      },
      online
    },
    args
  )
}
