/** The disposition requests: a call's wrap-up code, and the one a call already has. */
import { z } from 'zod'

import { dispositionInputSchema } from '@shared/domain/disposition'

import { request, type RequestSlice } from '../request-table'
import { recordDisposition } from './commands'
import { dispositionForCall } from './rows'

export const dispositionRequests = {
  'disposition:record': request(dispositionInputSchema, 'typed', async (host, args) => {
    const session = host.session
    return {
      disposition: await session.write(
        (store) => recordDisposition(store, args, session.userId),
        ['disposition']
      )
    }
  }),
  'disposition:forCall': request(
    z.object({ callId: z.string().min(1).max(256) }),
    'signalled',
    (host, { callId }) => {
      const session = host.session
      return { disposition: dispositionForCall(session.store.db, callId, session.userId) }
    }
  )
} satisfies RequestSlice
