/**
 * The main window's options and lifecycle. The Electron binary cannot run here, so `electron`
 * is mocked with a minimal BrowserWindow that records options and events.
 */
import { EventEmitter } from 'node:events'

import { beforeEach, describe, expect, it, vi } from 'vitest'

const fakes = vi.hoisted(() => {
  const instances: unknown[] = []
  return { instances }
})

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class FakeWebContents extends Emitter {
    reloads = 0
    reload(): void {
      this.reloads++
    }
  }
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents()
    loaded: string | null = null
    shown = 0
    constructor(readonly options: unknown) {
      super()
      fakes.instances.push(this)
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url
      return Promise.resolve()
    }
    show(): void {
      this.shown++
    }
    isDestroyed(): boolean {
      return false
    }
  }
  return { BrowserWindow: FakeBrowserWindow }
})

const { createMainWindow, focusWindow, mainWindowOptions } =
  await import('@main/windows/main-window')

interface RecordedWindow extends EventEmitter {
  options: unknown
  loaded: string | null
  shown: number
  webContents: EventEmitter & { reloads: number }
}

function isRecordedWindow(value: unknown): value is RecordedWindow {
  return value instanceof EventEmitter && 'webContents' in value && 'loaded' in value
}

function lastWindow(): RecordedWindow {
  const window = fakes.instances.at(-1)
  if (!isRecordedWindow(window)) throw new Error('no window created')
  return window
}

beforeEach(() => {
  fakes.instances.length = 0
})

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences

  it('keeps the renderer sandboxed and isolated with the bundled preload', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false
    })
  })

  it('never throttles the renderer in the background (a ringing phone must not sleep)', () => {
    expect(prefs?.backgroundThrottling).toBe(false)
  })

  it('starts hidden so it can show on ready-to-show', () => {
    expect(mainWindowOptions('/p').show).toBe(false)
  })
})

describe('createMainWindow', () => {
  const create = () => {
    const events: string[] = []
    createMainWindow({
      preloadPath: '/p.cjs',
      entryUrl: 'app://atiende/index.html?server=x',
      onLoaded: () => events.push('loaded'),
      onUnloaded: () => events.push('unloaded')
    })
    return { window: lastWindow(), events }
  }

  it('loads the entry URL and shows only on ready-to-show', () => {
    const { window } = create()
    expect(window.loaded).toBe('app://atiende/index.html?server=x')
    expect(window.shown).toBe(0)
    window.emit('ready-to-show')
    expect(window.shown).toBe(1)
  })

  it('reports load and unload of the renderer', () => {
    const { window, events } = create()
    window.webContents.emit('did-start-loading')
    window.webContents.emit('did-finish-load')
    expect(events).toEqual(['unloaded', 'loaded'])
  })

  it('reloads a crashed renderer, but not one that exited cleanly', () => {
    const { window } = create()
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(window.webContents.reloads).toBe(1)
  })
})

describe('focusWindow', () => {
  const fakeWindow = (state: { minimized: boolean; visible: boolean; destroyed?: boolean }) => {
    const calls: string[] = []
    return {
      calls,
      window: {
        isDestroyed: () => state.destroyed ?? false,
        isMinimized: () => state.minimized,
        isVisible: () => state.visible,
        restore: () => calls.push('restore'),
        show: () => calls.push('show'),
        focus: () => calls.push('focus')
      }
    }
  }

  it('restores, shows and focuses a minimised hidden window', () => {
    const { window, calls } = fakeWindow({ minimized: true, visible: false })
    focusWindow(window)
    expect(calls).toEqual(['restore', 'show', 'focus'])
  })

  it('only focuses a visible window, and ignores a destroyed or missing one', () => {
    const visible = fakeWindow({ minimized: false, visible: true })
    focusWindow(visible.window)
    expect(visible.calls).toEqual(['focus'])
    const gone = fakeWindow({ minimized: true, visible: false, destroyed: true })
    focusWindow(gone.window)
    focusWindow(null)
    expect(gone.calls).toEqual([])
  })
})
