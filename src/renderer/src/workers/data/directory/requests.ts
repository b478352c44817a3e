/** The directory requests: who a call's remote party is, and the whole directory. */
import { z } from 'zod'

import { noArgs, request, type RequestSlice } from '../request-table'
import { findColleague, listDirectory } from './rows'

/** A call's remote party as signalled: hostile, capped, never shown from here. */
const remotePartySchema = z.object({
  user: z.string().max(256),
  host: z.string().max(256).nullable()
})

export const directoryRequests = {
  'directory:lookup': request(remotePartySchema, 'signalled', (host, remote) => ({
    colleague: findColleague(host.session.store.db, remote)
  })),
  'directory:list': request(noArgs, 'typed', (host) => ({
    entries: listDirectory(host.session.store.db)
  }))
} satisfies RequestSlice
