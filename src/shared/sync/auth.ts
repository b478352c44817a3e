/** Authentication bodies shared by the server routes and the client. */
import { z } from 'zod'

import { identifierText } from '../text/text-schemas'
import { sessionUserSchema } from '../domain/user'

export const loginRequestSchema = z.object({
  username: identifierText().trim().min(1).max(64),
  password: identifierText().min(1).max(256)
})

export const refreshRequestSchema = z.object({
  refreshToken: identifierText().min(20).max(512)
})

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: sessionUserSchema
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>

export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
})
