/** The sync requests: status, a pass now, and the writes that need the agent's attention. */
import { z } from 'zod'

import { deskPresenceSchema } from '@shared/presence/presence'

import { noArgs, request, type RequestSlice } from '../request-table'
import { entitiesShowing } from './problems'

export const syncRequests = {
  'sync:status': request(noArgs, 'typed', (host) => host.session.engine.status()),
  'sync:now': request(noArgs, 'typed', (host) => host.session.engine.syncNow()),
  'sync:problems': request(
    z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    'typed',
    (host, { limit }) => host.session.store.syncProblems(limit)
  ),
  'sync:discard': request(
    // Not a uuid: an older version's journal line may name its entry by any string.
    z.object({ mutationId: z.string().min(1).max(1024) }).strict(),
    // Echoes an id the worker listed, which an older version may have written with a control
    // character: refusing it would leave that entry impossible to discard. It is only matched.
    'signalled',
    // Drops one rejected write (and the rejected record it created), once the agent has read why.
    async (host, { mutationId }) => {
      const session = host.session
      const name = await session.store.discardRejected(mutationId)
      if (name === null) return { discarded: false }
      session.discarded(entitiesShowing(name))
      return { discarded: true }
    }
  ),
  // What the phone signalled (caller names and numbers) is in it: cleaned by the schema, not refused.
  'presence:publish': request(deskPresenceSchema, 'signalled', (host, presence) => {
    host.session.engine.publishPresence(presence)
    return {}
  }),
  'presence:leave': request(noArgs, 'typed', (host) => {
    host.session.engine.leavePresence()
    return {}
  })
} satisfies RequestSlice
