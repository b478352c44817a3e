/**
 * The IPC wrapper and the full handler registration, without Electron: `ipcMain` is replaced
 * by a recorder (Electron cannot run here), and the handlers use real files in a temp dir.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { ipcContract } from '@shared/contract/ipc'
import {
  createHandle,
  IpcFailure,
  type IpcImpls,
  type IpcListener,
  type SenderEvent
} from '@main/ipc/handle'
import { appInfoImpls } from '@main/ipc/handlers/app-info'
import { durableFileImpls } from '@main/ipc/handlers/durable-file'
import { ipcChannels, registerIpcHandlers } from '@main/ipc/handlers/index'
import { notificationImpls } from '@main/ipc/handlers/notifications'
import { secretsImpls } from '@main/ipc/handlers/secrets'
import { createLogger, setLogSink, type LogRecord } from '@main/logger'
import { openJournalFiles } from '@main/services/journal-file'
import { createSecretStore, type SecretCipher } from '@main/services/secret-store'

const fromApp: SenderEvent = { senderFrame: { url: 'app://atiende/index.html' } }

class Recorder {
  readonly calls: string[] = []
  readonly listeners = new Map<string, IpcListener>()
  handle(channel: string, listener: IpcListener): void {
    this.calls.push(channel)
    this.listeners.set(channel, listener)
  }
  invoke(channel: string, event: SenderEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (listener === undefined) throw new Error(`no handler for ${channel}`)
    return listener(event, ...args)
  }
}

// An identity "cipher": encryption itself is safeStorage's job and is not what is tested here.
const cipher: SecretCipher = {
  isAvailable: () => Promise.resolve(true),
  encrypt: (text) => Promise.resolve(new TextEncoder().encode(`enc:${text}`)),
  decrypt: (bytes) =>
    Promise.resolve({ value: new TextDecoder().decode(bytes).slice(4), shouldReEncrypt: false })
}

let dir = ''
let records: LogRecord[] = []
let restoreSink = (): void => undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atiende-ipc-'))
  records = []
  restoreSink = setLogSink((record) => records.push(record))
})

afterEach(async () => {
  restoreSink()
  await rm(dir, { recursive: true, force: true })
})

async function realImpls(): Promise<IpcImpls> {
  const files = await openJournalFiles(join(dir, 'store'))
  const secrets = createSecretStore(await openJournalFiles(join(dir, 'secrets')), cipher)
  return {
    ...durableFileImpls(files),
    ...secretsImpls(secrets),
    ...notificationImpls({
      isSupported: () => false,
      create: () => ({ on: () => undefined, show: () => undefined }),
      focusWindow: () => undefined
    }),
    ...appInfoImpls({ version: '1.2.3', platform: 'linux' })
  }
}

async function registeredRecorder(): Promise<Recorder> {
  const recorder = new Recorder()
  registerIpcHandlers(createHandle({ registrar: recorder }), await realImpls())
  return recorder
}

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract exactly once, and nothing else', async () => {
    const recorder = await registeredRecorder()
    const contractChannels = Object.keys(ipcContract).sort()
    expect([...recorder.calls].sort()).toEqual(contractChannels)
    for (const channel of contractChannels) {
      expect(recorder.calls.filter((c) => c === channel)).toHaveLength(1)
    }
    expect(ipcChannels().sort()).toEqual(contractChannels)
  })

  it('round-trips durable bytes and secrets through the real handlers', async () => {
    const recorder = await registeredRecorder()
    const data = new Uint8Array([1, 2, 3])
    expect(await recorder.invoke('durable:append', fromApp, { file: 'journal-1', data })).toEqual({
      ok: true,
      data: { size: 3 }
    })
    const read = await recorder.invoke('durable:read', fromApp, { file: 'journal-1' })
    expect(read).toEqual({ ok: true, data: { data: new Uint8Array([1, 2, 3]) } })
    await recorder.invoke('secrets:set', fromApp, { key: 'refresh-token', value: 's3cret' })
    expect(await recorder.invoke('secrets:get', fromApp, { key: 'refresh-token' })).toEqual({
      ok: true,
      data: { value: 's3cret' }
    })
    expect(await recorder.invoke('app:info', fromApp, {})).toEqual({
      ok: true,
      data: { version: '1.2.3', platform: 'linux' }
    })
  })

  it('never logs secret values', async () => {
    const recorder = await registeredRecorder()
    await recorder.invoke('secrets:set', fromApp, { key: 'BAD KEY', value: 'hunter2' })
    await recorder.invoke('secrets:set', fromApp, { key: 'k', value: 'hunter2', extra: 1 })
    expect(JSON.stringify(records)).not.toContain('hunter2')
  })
})

describe('handle: sender check', () => {
  it.each([
    { senderFrame: { url: 'https://evil.example/' } },
    { senderFrame: { url: 'app://atiende.evil.com/index.html' } },
    { senderFrame: { url: 'app://atiende@evil/index.html' } },
    { senderFrame: { url: 'file:///home/user/index.html' } },
    { senderFrame: { url: '' } },
    { senderFrame: null }
  ])('rejects a forged sender %j as forbidden without running the handler', async (event) => {
    const recorder = new Recorder()
    let ran = false
    createHandle({ registrar: recorder })('app:info', () => {
      ran = true
      return { version: '1', platform: 'linux' }
    })
    const result = await recorder.invoke('app:info', event, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(ran).toBe(false)
  })

  it('treats a sender frame that throws on access as forbidden', async () => {
    const recorder = new Recorder()
    createHandle({ registrar: recorder })('app:info', () => ({ version: '1', platform: 'linux' }))
    const destroyed: SenderEvent = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed')
      }
    }
    expect(await recorder.invoke('app:info', destroyed, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
  })
})

describe('handle: argument validation', () => {
  it.each([
    [{ file: '../etc/passwd', data: new Uint8Array(1) }],
    [{ file: 'a/b', data: new Uint8Array(1) }],
    [{ file: 'journal', data: 'not bytes' }],
    [{ file: 'journal' }],
    ['journal'],
    [null],
    [{ file: 'journal', data: new Uint8Array(1) }, 'extra argument']
  ])('rejects %j as invalid_argument with details', async (...args) => {
    const recorder = await registeredRecorder()
    const result = await recorder.invoke('durable:append', fromApp, ...args)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(result).toHaveProperty('error.details.issues')
  })

  it('rejects extra keys where the contract is strict', async () => {
    const recorder = await registeredRecorder()
    expect(await recorder.invoke('app:info', fromApp, { evil: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
  })

  it('reports where the arguments are wrong', async () => {
    const recorder = await registeredRecorder()
    const result = await recorder.invoke('durable:read', fromApp, { file: 42 })
    expect(result).toMatchObject({ error: { details: { issues: [{ path: 'file' }] } } })
  })
})

describe('handle: errors and results', () => {
  it('maps a thrown error to internal without leaking its message', async () => {
    const recorder = new Recorder()
    const handle = createHandle({ registrar: recorder, log: createLogger('test') })
    handle('app:info', () => {
      throw new Error('ENOENT /home/agent/.config/secret-path')
    })
    const result = await recorder.invoke('app:info', fromApp, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('secret-path')
    expect(records.some((r) => r.level === 'error' && r.name === 'test')).toBe(true)
  })

  it('passes an IpcFailure through as its AppError', async () => {
    const recorder = new Recorder()
    createHandle({ registrar: recorder })('durable:list', () => {
      throw new IpcFailure({ code: 'storage_failure', message: 'disk full' })
    })
    expect(await recorder.invoke('durable:list', fromApp, { prefix: '' })).toEqual({
      ok: false,
      error: { code: 'storage_failure', message: 'disk full' }
    })
  })

  it('refuses to return a result that breaks the contract', async () => {
    const recorder = new Recorder()
    const handle = createHandle({ registrar: recorder })
    handle('app:info', () => {
      const answer = { version: '1', platform: 'linux' as const }
      // Forge what a buggy implementation could return at runtime, past the type checker.
      Reflect.set(answer, 'platform', 'beos')
      return answer
    })
    expect(await recorder.invoke('app:info', fromApp, {})).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('refuses to register a channel twice', () => {
    const handle = createHandle({ registrar: new Recorder() })
    const impl = (): { version: string; platform: 'linux' } => ({ version: '1', platform: 'linux' })
    handle('app:info', impl)
    expect(() => {
      handle('app:info', impl)
    }).toThrow(/twice/)
  })

  it('maps storage errors of durable files to storage_failure', async () => {
    const recorder = new Recorder()
    const files = await openJournalFiles(join(dir, 'store'))
    createHandle({ registrar: recorder })('durable:read', durableFileImpls(files)['durable:read'])
    await rm(join(dir, 'store'), { recursive: true })
    await mkdir(join(dir, 'store', 'journal'), { recursive: true })
    const result = await recorder.invoke('durable:read', fromApp, { file: 'journal' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage_failure', details: { errno: 'EISDIR' } }
    })
  })
})
