/** The envelope of every message the page posts to the worker, checked before anything else. */
import { z } from 'zod'

/** Message envelope, page → worker. */
export const inboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('request'),
    id: z.number().int(),
    name: z.string(),
    args: z.unknown()
  }),
  z.object({
    kind: z.literal('durable-reply'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({
        ok: z.literal(false),
        error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
      })
    ])
  })
])
