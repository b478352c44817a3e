/** A finished script run, for the server's analytics. */
import { scriptRunRecordInputSchema } from '@shared/domain/script-run'

import { request, type RequestSlice } from '../request-table'
import { recordScriptRun } from './commands'

export const scriptRunRequests = {
  'scriptRun:record': request(
    scriptRunRecordInputSchema,
    // Written when the run ends: refusing then would lose the whole run for one pasted answer.
    'signalled',
    // No view shows script runs: nothing re-queries.
    async (host, args) => ({
      id: await host.session.write((store) => recordScriptRun(store, args), [])
    })
  )
} satisfies RequestSlice
