/**
 * Freshness of the local customer cache, shown on the card: an agent must know when what they
 * read may be out of date. Stale after 15 minutes without a successful sync; the time of the last
 * one survives restarts (the data worker keeps it with the cache), so this holds offline too.
 */
export const STALE_CACHE_AFTER_MS = 15 * 60_000

export type CacheFreshness = 'never' | 'fresh' | 'stale'

export function cacheFreshness(lastSyncAt: string | null, now: Date): CacheFreshness {
  if (lastSyncAt === null) return 'never'
  const at = Date.parse(lastSyncAt)
  if (Number.isNaN(at)) return 'never'
  return now.getTime() - at > STALE_CACHE_AFTER_MS ? 'stale' : 'fresh'
}
