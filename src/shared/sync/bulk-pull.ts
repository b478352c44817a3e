/**
 * The bulk pull: `GET /api/sync/bulk?cursor=N` answers every change after N that the caller may
 * see, up to the server's head, as one NDJSON stream. A client with an empty cache loads through
 * it (a million customers in one response); later changes arrive through the paged pull.
 *
 * @remarks Three kinds of line (protocol 7):
 * - a change `{"seq","entity","data"}`, exactly like an element of a pull page's `changes`;
 * - a customer block `[row,row,…]`: customers in the cache's stored form (customer-cache-row.ts),
 *   in change order. Within a stretch of the log the change lines come before its block, and a
 *   later version of a customer always comes later in the stream;
 * - the trailer `{"cursor":head}`, last. A stream that ends without it was cut off and must be
 *   discarded as a whole.
 */
import { z } from 'zod'

export const BULK_PULL_PATH = '/api/sync/bulk'
export const BULK_PULL_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8'

export const bulkPullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0)
})

export const bulkPullTrailerSchema = z.strictObject({ cursor: z.number().int().min(0) })
export type BulkPullTrailer = z.infer<typeof bulkPullTrailerSchema>
