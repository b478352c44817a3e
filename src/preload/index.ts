/**
 * The sandboxed preload: exposes one typed `desktop` object, one function per capability.
 * Only type imports from the contract, so the bundle requires nothing but 'electron' (the
 * contract's runtime module pulls in zod, which a sandboxed preload cannot require).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

import type { CallShortcutAction, DesktopApi } from '@shared/contract/desktop-api'
import type { IpcArgs, IpcChannel, IpcResult, ipcEvents } from '@shared/contract/ipc'
import type { Result } from '@shared/contract/result'

// DesktopApi takes any Uint8Array while the zod contract infers Uint8Array<ArrayBuffer>; bytes
// are copied by structured clone anyway, so the preload accepts either (main re-validates).
type WireArgs<C extends IpcChannel> = {
  [K in keyof IpcArgs<C>]: IpcArgs<C>[K] extends Uint8Array ? Uint8Array : IpcArgs<C>[K]
}

function invoke<C extends IpcChannel>(
  channel: C,
  args: WireArgs<C>
): Promise<Result<IpcResult<C>>> {
  // Main validates every result against the channel's zod schema before it answers (ipc/handle).
  return ipcRenderer.invoke(channel, args)
}

const DIAL_REQUESTED = 'dial:requested' satisfies (typeof ipcEvents)['dialRequested']
const CALL_SHORTCUT = 'call:shortcut' satisfies (typeof ipcEvents)['callShortcut']
const SHORTCUT_ACTIONS: readonly string[] = ['answer', 'hangUp', 'mute', 'hold']

function isShortcutAction(value: unknown): value is CallShortcutAction {
  return typeof value === 'string' && SHORTCUT_ACTIONS.includes(value)
}

const api = {
  appendDurable: (args) => invoke('durable:append', args),
  readDurable: (args) => invoke('durable:read', args),
  replaceDurable: (args) => invoke('durable:replace', args),
  removeDurable: (args) => invoke('durable:remove', args),
  listDurable: (args) => invoke('durable:list', args),
  setSecret: (args) => invoke('secrets:set', args),
  getSecret: (args) => invoke('secrets:get', args),
  deleteSecret: (args) => invoke('secrets:delete', args),
  showNotification: (args) => invoke('notify:show', args),
  appInfo: () => invoke('app:info', {}),
  onDialRequest: (listener) => {
    // The IpcRendererEvent never reaches the page: it exposes `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, payload: { uri: string }): void => {
      listener({ uri: payload.uri })
    }
    ipcRenderer.on(DIAL_REQUESTED, forward)
    return () => {
      ipcRenderer.off(DIAL_REQUESTED, forward)
    }
  },
  onCallShortcut: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: { action?: unknown }): void => {
      if (isShortcutAction(payload.action)) listener({ action: payload.action })
    }
    ipcRenderer.on(CALL_SHORTCUT, forward)
    return () => {
      ipcRenderer.off(CALL_SHORTCUT, forward)
    }
  }
} satisfies DesktopApi

contextBridge.exposeInMainWorld('desktop', api)
