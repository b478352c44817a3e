/** The callback requests: scheduling, marking one made, this user's open ones. */
import { z } from 'zod'

import { callbackScheduleInputSchema } from '@shared/domain/callback'

import { listLimit, request, type RequestSlice } from '../request-table'
import { completeCallback, scheduleCallback } from './commands'
import { myOpenCallbacks } from './rows'

export const callbackRequests = {
  'callback:schedule': request(callbackScheduleInputSchema, 'typed', async (host, args) => {
    const session = host.session
    return {
      callback: await session.write(
        (store) => scheduleCallback(store, args, session.userId),
        ['callback']
      )
    }
  }),
  'callback:complete': request(z.object({ id: z.uuid() }), 'typed', async (host, { id }) => ({
    callback: await host.session.write((store) => completeCallback(store, id), ['callback'])
  })),
  'callback:mine': request(z.object({ limit: listLimit }), 'typed', (host, { limit }) => {
    const session = host.session
    return { callbacks: myOpenCallbacks(session.store.db, session.userId, limit) }
  })
} satisfies RequestSlice
