/** The call record requests: a finished call, and the latest calls. */
import { z } from 'zod'

import { interactionRecordInputSchema } from '@shared/domain/interaction'

import { listLimit, request, type RequestSlice } from '../request-table'
import { recordInteraction } from './commands'
import { listInteractions } from './rows'

export const interactionRequests = {
  'interaction:record': request(interactionRecordInputSchema, 'signalled', async (host, args) => ({
    interaction: await host.session.write(
      (store) => recordInteraction(store, args),
      ['interaction']
    )
  })),
  'interaction:list': request(
    z.object({ customerId: z.string().max(128).nullable(), limit: listLimit }),
    'typed',
    (host, { customerId, limit }) => ({
      interactions: listInteractions(host.session.store.db, customerId, limit)
    })
  )
} satisfies RequestSlice
