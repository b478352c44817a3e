/**
 * Owns the data worker for the logged-in session. The worker holds sql.js, the journal and the
 * sync engine; the page only talks to it through the typed client.
 */
import { answerDurableCall } from '@shared/contract/worker'
import { getDesktop, isElectron } from '../platform/desktop'
import { createDataClient, type DataClient } from './worker-client'

let current: { worker: Worker; client: DataClient } | null = null

export function startDataWorker(): DataClient {
  if (current) return current.client
  const worker = new Worker(new URL('../workers/data/index.ts', import.meta.url), {
    type: 'module',
    name: 'atiende-data'
  })
  const options = isElectron()
    ? {
        onDurableCall: (call: Parameters<typeof answerDurableCall>[1]) =>
          answerDurableCall(getDesktop(), call)
      }
    : {}
  current = { worker, client: createDataClient(worker, options) }
  return current.client
}

export function dataClient(): DataClient | null {
  return current?.client ?? null
}

export function stopDataWorker(): void {
  current?.worker.terminate()
  current = null
}
