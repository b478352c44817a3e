/**
 * DurableFiles in Electron: the worker cannot reach `window.desktop`, so each call goes to the
 * page as a `durable-call` message; the page runs it on the preload API (main fdatasyncs) and
 * answers with a `durable-reply` carrying the same id.
 */
import type { Result } from '@shared/contract/result'
import type { DurableMethod, WorkerOutboundMessage } from '@shared/contract/worker'

import type { DurableFiles } from './durable-files'

type Post = (message: WorkerOutboundMessage, transfer?: Transferable[]) => void

interface Pending {
  resolve: (data: unknown) => void
  reject: (error: Error) => void
}

export class DesktopDurableFiles implements DurableFiles {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly post: Post) {}

  /** Settles the call a `durable-reply` answers; unknown ids are ignored. */
  handleReply(id: number, result: Result<unknown>): void {
    const call = this.pending.get(id)
    if (!call) return
    this.pending.delete(id)
    if (result.ok) call.resolve(result.data)
    else call.reject(new Error(`${result.error.code}: ${result.error.message}`))
  }

  async append(file: string, bytes: Uint8Array): Promise<void> {
    await this.call('appendDurable', { file, data: bytes })
  }

  async read(file: string): Promise<Uint8Array> {
    const data = await this.call('readDurable', { file })
    if (typeof data === 'object' && data !== null && 'data' in data) {
      if (data.data instanceof Uint8Array) return data.data
    }
    throw new Error(`readDurable(${file}) answered without bytes`)
  }

  async replace(file: string, bytes: Uint8Array): Promise<void> {
    await this.call('replaceDurable', { file, data: bytes })
  }

  async remove(file: string): Promise<void> {
    await this.call('removeDurable', { file })
  }

  async list(prefix: string): Promise<string[]> {
    const data = await this.call('listDurable', { prefix })
    if (typeof data === 'object' && data !== null && 'files' in data && Array.isArray(data.files)) {
      return data.files.filter((f): f is string => typeof f === 'string')
    }
    throw new Error('listDurable answered without a file list')
  }

  close(): Promise<void> {
    for (const call of this.pending.values()) call.reject(new Error('desktop files closed'))
    this.pending.clear()
    return Promise.resolve()
  }

  private call(method: DurableMethod, args: unknown): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.post({ kind: 'durable-call', id, method, args })
    })
  }
}
