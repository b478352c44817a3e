/**
 * What the monitoring controllers ask of the server, through the data worker (which holds the
 * session's token): a port, so the controllers' tests answer with fakes. A worker that cannot be
 * reached reads as `unreachable`, never as a refusal it did not make.
 */
import type { MonitorOutcome, MonitoringRequests } from '@shared/contract/worker/monitoring'
import type { MonitorEndReason } from '@shared/monitoring/monitoring'
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'
import { dataClient } from '@renderer/data/data-client'

type Args<K extends keyof MonitoringRequests> = Parameters<MonitoringRequests[K]>[0]
type Reply<K extends keyof MonitoringRequests> = ReturnType<MonitoringRequests[K]>

export interface MonitoringServer {
  start(args: Args<'monitoring:start'>): Promise<Reply<'monitoring:start'>>
  admit(args: Args<'monitoring:admit'>): Promise<Reply<'monitoring:admit'>>
  mode(args: Args<'monitoring:mode'>): Promise<Reply<'monitoring:mode'>>
  end(sessionId: string, reason: MonitorEndReason): Promise<void>
}

const unreachable = (message: string): MonitorOutcome<never> => ({
  ok: false,
  reason: 'unreachable',
  message
})

async function ask<K extends 'monitoring:start' | 'monitoring:admit' | 'monitoring:mode'>(
  name: K,
  args: Args<K>
): Promise<Reply<K>> {
  const client = dataClient()
  if (!client) return unreachable('no data worker') as Reply<K>
  const result = await client.send(name, args)
  return result.ok ? result.data : (unreachable(result.error.message) as Reply<K>)
}

/** The app's server: the data worker's `monitoring:*` requests. */
export const workerMonitoringServer: MonitoringServer = {
  start: (args) => ask('monitoring:start', args),
  admit: (args) => ask('monitoring:admit', args),
  mode: (args) => ask('monitoring:mode', args),
  end: async (sessionId, reason) => {
    await dataClient()?.send('monitoring:end', { sessionId, reason })
  }
}

/**
 * The centre's monitoring policy as synced to this desk (the configuration's
 * `monitoringPolicy`), or the default until an admin set one or a pull brought it.
 */
export async function syncedMonitoringPolicy(): Promise<MonitoringPolicy> {
  const result = await dataClient()?.send('config:get', {})
  return (result?.ok ? result.data.monitoringPolicy : null) ?? DEFAULT_MONITORING_POLICY
}
