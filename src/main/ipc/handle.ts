/**
 * The one way main answers IPC: `handle(channel, impl)` checks the sender, validates the
 * arguments and the result against the channel's zod schemas, and always answers a Result.
 */
import type { z } from 'zod'

import { appError, type AppError } from '@shared/contract/errors'
import { ipcContract, type IpcArgs, type IpcChannel, type IpcResult } from '@shared/contract/ipc'
import { fail, ok, type Result } from '@shared/contract/result'
import { createLogger, errorFields, type Logger } from '../logger'
import { isAppUrl } from '../security/trusted-url'

/** Thrown by an implementation to answer with a specific AppError instead of `internal`. */
export class IpcFailure extends Error {
  override name = 'IpcFailure'
  constructor(readonly appError: AppError) {
    super(appError.message)
  }
}

/** A channel implementation: receives already-validated arguments. */
export type IpcImpl<C extends IpcChannel> = (
  args: IpcArgs<C>
) => Promise<IpcResult<C>> | IpcResult<C>

/** One implementation per channel; a missing channel is a compile error. */
export type IpcImpls = { [C in IpcChannel]: IpcImpl<C> }

/** The part of an invoke event the wrapper reads (Electron's IpcMainInvokeEvent fits). */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null
}

export type IpcListener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>

/** The part of `ipcMain` the wrapper needs, so tests can pass a recorder. */
export interface IpcRegistrar {
  handle(channel: string, listener: IpcListener): void
}

type ChannelSchemas = {
  [C in IpcChannel]: { args: z.ZodType<IpcArgs<C>>; result: z.ZodType<IpcResult<C>> }
}
// Re-typed per channel so a generic channel indexes to its own argument and result types.
const schemas: ChannelSchemas = ipcContract

export interface IpcHandleOptions {
  registrar: IpcRegistrar
  /** Which sender URLs are our renderer (default: the app origin only). */
  isTrusted?: (url: string) => boolean
  log?: Logger
}

export type Handle = <C extends IpcChannel>(channel: C, impl: IpcImpl<C>) => void

function senderUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null
  } catch {
    // Electron throws when the frame was destroyed or navigated away mid-call.
    return null
  }
}

function issuesOf(error: z.ZodError): { path: string; code: string; message: string }[] {
  // Only paths and messages: the input itself may hold secrets and is never echoed back.
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message
  }))
}

function toAppError(error: unknown, channel: string, log: Logger): AppError {
  if (error instanceof IpcFailure) return error.appError
  log.error('IPC handler threw', { channel, ...errorFields(error) })
  return appError('internal', `${channel} failed`)
}

/** Creates the `handle` wrapper bound to a registrar (normally `ipcMain`). */
export function createHandle(options: IpcHandleOptions): Handle {
  const isTrusted = options.isTrusted ?? isAppUrl
  const log = options.log ?? createLogger('ipc')
  const registered = new Set<string>()

  return <C extends IpcChannel>(channel: C, impl: IpcImpl<C>): void => {
    if (registered.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`)
    registered.add(channel)
    const schema = schemas[channel]
    const listener = async (
      event: SenderEvent,
      ...raw: unknown[]
    ): Promise<Result<IpcResult<C>>> => {
      const url = senderUrl(event)
      if (url === null || !isTrusted(url)) {
        log.warn('rejected IPC from untrusted sender', { channel, url: url?.slice(0, 200) ?? null })
        return fail(appError('forbidden', 'sender is not the app'))
      }
      const args = schema.args.safeParse(raw.length === 1 ? raw[0] : raw)
      if (!args.success) {
        const issues = issuesOf(args.error)
        log.warn('rejected IPC arguments', { channel, issues })
        return fail(appError('invalid_argument', `invalid arguments for ${channel}`, { issues }))
      }
      try {
        const result = schema.result.safeParse(await impl(args.data))
        if (result.success) return ok(result.data)
        log.error('IPC handler returned a malformed result', {
          channel,
          issues: issuesOf(result.error)
        })
        return fail(appError('internal', `${channel} returned a malformed result`))
      } catch (error) {
        return fail(toAppError(error, channel, log))
      }
    }
    options.registrar.handle(channel, listener)
  }
}
