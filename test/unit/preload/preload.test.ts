/**
 * The preload bridge (kept under test/unit/main, which tsconfig.node.json covers). Electron
 * cannot run here, so `electron` is mocked: contextBridge and ipcRenderer only record calls.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { DesktopApi } from '@shared/contract/desktop-api'
import { ipcContract, ipcEvents } from '@shared/contract/ipc'

type Listener = (event: unknown, payload: unknown) => void

const bridge = vi.hoisted(() => {
  const invoked: { channel: string; args: unknown[] }[] = []
  return {
    exposed: new Map<string, unknown>(),
    invoked,
    listeners: new Map<string, Set<Listener>>()
  }
})

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      bridge.exposed.set(key, api)
    }
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      bridge.invoked.push({ channel, args })
      return Promise.resolve({ ok: true, data: null })
    },
    on: (channel: string, listener: Listener) => {
      const set = bridge.listeners.get(channel) ?? new Set<Listener>()
      set.add(listener)
      bridge.listeners.set(channel, set)
    },
    off: (channel: string, listener: Listener) => {
      bridge.listeners.get(channel)?.delete(listener)
    }
  }
}))

const capabilities = [
  'appendDurable',
  'readDurable',
  'replaceDurable',
  'removeDurable',
  'listDurable',
  'setSecret',
  'getSecret',
  'deleteSecret',
  'showNotification',
  'appInfo',
  'onDialRequest',
  'onCallShortcut'
] as const satisfies readonly (keyof DesktopApi)[]

function isDesktopApi(value: unknown): value is DesktopApi {
  return (
    typeof value === 'object' &&
    value !== null &&
    capabilities.every((name) => typeof Reflect.get(value, name) === 'function')
  )
}

let exposed: unknown = null
let api: DesktopApi | null = null

beforeAll(async () => {
  await import('@preload/index')
  exposed = bridge.exposed.get('desktop')
  if (!isDesktopApi(exposed)) throw new Error('desktop was not exposed')
  api = exposed
})

function desktop(): DesktopApi {
  if (api === null) throw new Error('preload not loaded')
  return api
}

describe('preload', () => {
  it('exposes exactly one object, `desktop`, made only of functions', () => {
    expect([...bridge.exposed.keys()]).toEqual(['desktop'])
    expect(Object.keys(exposed ?? {}).sort()).toEqual([...capabilities].sort())
  })

  it('maps each capability to its contract channel with a single argument object', async () => {
    const data = new Uint8Array([1])
    const d = desktop()
    await d.appendDurable({ file: 'j', data })
    await d.readDurable({ file: 'j' })
    await d.replaceDurable({ file: 'j', data })
    await d.removeDurable({ file: 'j' })
    await d.listDurable({ prefix: 'j' })
    await d.setSecret({ key: 'k', value: 'v' })
    await d.getSecret({ key: 'k' })
    await d.deleteSecret({ key: 'k' })
    await d.showNotification({ title: 't', body: 'b', focusOnClick: true })
    await d.appInfo()
    const channels = bridge.invoked.map((call) => call.channel)
    expect([...channels].sort()).toEqual(Object.keys(ipcContract).sort())
    expect(bridge.invoked.at(-1)).toEqual({ channel: 'app:info', args: [{}] })
    for (const call of bridge.invoked) expect(call.args).toHaveLength(1)
  })

  it('delivers dial requests without the IpcRendererEvent and unsubscribes', () => {
    const received: unknown[] = []
    const unsubscribe = desktop().onDialRequest((payload) => received.push(payload))
    const listeners = bridge.listeners.get(ipcEvents.dialRequested) ?? new Set<Listener>()
    expect(listeners.size).toBe(1)
    const forged = { sender: { send: 'ipcRenderer would leak here' } }
    for (const listener of listeners) listener(forged, { uri: 'tel:+34911', extra: 'dropped' })
    expect(received).toEqual([{ uri: 'tel:+34911' }])
    unsubscribe()
    expect(listeners.size).toBe(0)
  })

  it('delivers global call shortcuts, dropping anything that is not a known action', () => {
    const received: unknown[] = []
    const unsubscribe = desktop().onCallShortcut((payload) => received.push(payload))
    const listeners = bridge.listeners.get(ipcEvents.callShortcut) ?? new Set<Listener>()
    expect(listeners.size).toBe(1)
    const forged = { sender: { send: 'ipcRenderer would leak here' } }
    for (const listener of listeners) {
      listener(forged, { action: 'mute', extra: 'dropped' })
      listener(forged, { action: 'format-disk' })
      listener(forged, {})
    }
    expect(received).toEqual([{ action: 'mute' }])
    unsubscribe()
    expect(listeners.size).toBe(0)
  })
})
