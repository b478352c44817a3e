import { z } from 'zod'

import { monitorModeSchema } from '@shared/monitoring/monitoring'

const monitoredBySchema = z.array(
  z.object({ leadName: z.string(), modes: z.array(monitorModeSchema) })
)
export type CallMonitors = z.infer<typeof monitoredBySchema>

/**
 * Who monitored a call, read from its record's optional `monitoredBy` (older records and desks
 * have none; anything that does not parse is left out rather than shown wrong).
 */
export function monitorsOf(record: object): CallMonitors {
  const value: unknown = (record as Record<string, unknown>)['monitoredBy']
  const parsed = monitoredBySchema.safeParse(value)
  return parsed.success ? parsed.data : []
}
