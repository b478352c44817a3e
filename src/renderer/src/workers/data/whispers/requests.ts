/** The whisper requests: a lead's send, the agent's acknowledgement, and the lists. */
import { z } from 'zod'

import { whisperInputSchema } from '@shared/domain/whisper'

import { listLimit, request, type RequestSlice } from '../request-table'
import { acknowledgeWhisper, sendWhisper } from './commands'
import { unacknowledgedWhispers, whispersOfCall, whispersSentTo } from './rows'

export const whisperRequests = {
  'whisper:send': request(whisperInputSchema, 'typed', async (host, args) => {
    const session = host.session
    return {
      whisper: await session.write(
        (store) => sendWhisper(store, args, session.actor.role),
        ['whisper']
      )
    }
  }),
  'whisper:acknowledge': request(z.object({ id: z.uuid() }), 'typed', async (host, { id }) => {
    const session = host.session
    return {
      whisper: await session.write(
        (store) => acknowledgeWhisper(store, id, session.userId),
        ['whisper']
      )
    }
  }),
  'whisper:inbox': request(z.object({ limit: listLimit }), 'typed', (host, { limit }) => {
    const session = host.session
    return { whispers: unacknowledgedWhispers(session.store.db, session.userId, limit) }
  }),
  'whisper:sentTo': request(
    z.object({ agentId: z.uuid(), since: z.iso.datetime(), limit: listLimit }),
    'typed',
    (host, { agentId, since, limit }) => ({
      whispers: whispersSentTo(host.session.store.db, agentId, since, limit)
    })
  ),
  'whisper:forCall': request(
    z.object({ callId: z.string().min(1).max(256) }),
    'typed',
    (host, { callId }) => ({ whispers: whispersOfCall(host.session.store.db, callId) })
  )
} satisfies RequestSlice
