/** Opening and closing the user's session (see session-host.ts). */
import { z } from 'zod'

import { sessionUserSchema } from '@shared/domain/user'

import { noArgs, request, type RequestSlice } from '../request-table'

export const sessionRequests = {
  'session:open': request(
    z.object({
      user: sessionUserSchema,
      serverUrl: z.url({ protocol: /^https?$/ }),
      tokens: z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) }),
      storage: z.enum(['opfs', 'desktop']).default('opfs')
    }),
    'typed',
    (host, args) => host.open(args)
  ),
  'session:close': request(noArgs, 'typed', async (host) => {
    await host.close()
    return { closed: true as const }
  })
} satisfies RequestSlice
