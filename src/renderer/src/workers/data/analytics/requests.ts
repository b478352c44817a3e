/** Reports read straight from the server: the complaint analysis and a script's analytics. */
import { z } from 'zod'

import { request, type RequestSlice } from '../request-table'
import { fetchComplaintAnalysis } from './complaint-analysis'
import { fetchScriptAnalytics } from './script-analytics'

export const analyticsRequests = {
  'complaint:analysis': request(
    z.object({ from: z.iso.date(), to: z.iso.date(), teamId: z.uuid().nullable() }),
    'typed',
    async (host, args) => ({
      report: await fetchComplaintAnalysis(host.session.server, args)
    })
  ),
  'script:analytics': request(
    z.object({
      scriptId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
      version: z.int().min(1),
      practice: z.boolean()
    }),
    'typed',
    async (host, args) => ({
      report: await fetchScriptAnalytics(host.session.server, args)
    })
  )
} satisfies RequestSlice
