/**
 * The wire format between the page and the worker, and the durable calls the worker makes
 * through the page when it runs in Electron.
 */
import type { DesktopApi } from '../desktop-api'
import { appError } from '../errors'
import type { Result } from '../result'
import type { WorkerEventName } from './events'
import type { WorkerRequestName } from './requests'

/** The `DesktopApi` functions the worker reaches through the page when it runs in Electron. */
export const durableMethods = [
  'appendDurable',
  'readDurable',
  'replaceDurable',
  'removeDurable',
  'listDurable'
] as const
export type DurableMethod = (typeof durableMethods)[number]

/** Wire format, page → worker. */
export interface WorkerRequestMessage {
  kind: 'request'
  id: number
  name: WorkerRequestName
  args: unknown
}
/**
 * Wire format, page → worker: the answer to a `durable-call`, with the same `id`. The `result`
 * is exactly what `window.desktop[method](args)` resolved to.
 */
export interface DurableReplyMessage {
  kind: 'durable-reply'
  id: number
  result: Result<unknown>
}
export type WorkerInboundMessage = WorkerRequestMessage | DurableReplyMessage

/**
 * Wire format, worker → page. `durable-call` only happens after `session:open` with
 * `storage: 'desktop'`; the page answers each with a {@link DurableReplyMessage}.
 */
export type WorkerOutboundMessage =
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: WorkerEventName; payload: unknown }
  | { kind: 'durable-call'; id: number; method: DurableMethod; args: unknown }

/**
 * Runs one `durable-call` against the preload API and builds the reply to post back to the
 * worker. The page calls it from its worker `message` listener; `args` are passed through
 * unchanged because main validates every IPC argument with zod anyway.
 */
export async function answerDurableCall(
  desktop: Pick<DesktopApi, DurableMethod>,
  call: { id: number; method: DurableMethod; args: unknown }
): Promise<DurableReplyMessage> {
  const reply = (result: Result<unknown>): DurableReplyMessage => ({
    kind: 'durable-reply',
    id: call.id,
    result
  })
  const a = isRecord(call.args) ? call.args : {}
  const file = typeof a['file'] === 'string' ? a['file'] : ''
  const data = a['data'] instanceof Uint8Array ? a['data'] : new Uint8Array()
  try {
    switch (call.method) {
      case 'appendDurable':
        return reply(await desktop.appendDurable({ file, data }))
      case 'readDurable':
        return reply(await desktop.readDurable({ file }))
      case 'replaceDurable':
        return reply(await desktop.replaceDurable({ file, data }))
      case 'removeDurable':
        return reply(await desktop.removeDurable({ file }))
      case 'listDurable':
        return reply(
          await desktop.listDurable({ prefix: typeof a['prefix'] === 'string' ? a['prefix'] : '' })
        )
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return reply({ ok: false, error: appError('storage_failure', message) })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
