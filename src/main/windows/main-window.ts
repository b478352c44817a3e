/**
 * The main window: sandboxed, context-isolated renderer on app://atiende, shown only when
 * painted, and never throttled in the background (a ringing phone must not sleep).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

import { createLogger, errorFields } from '../logger'

const log = createLogger('main-window')

/** The BrowserWindow options; security-relevant preferences are explicit even where default. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Atiende',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      safeDialogs: true,
      backgroundThrottling: false,
      // Chromium's Linux/Windows spellchecker downloads dictionaries from Google: no calls home.
      spellcheck: false
    }
  }
}

export interface MainWindowOptions {
  preloadPath: string
  entryUrl: string
  /** The renderer finished loading: dial requests may be sent. */
  onLoaded: (window: BrowserWindow) => void
  /** The renderer is (re)loading or gone: stop sending to it. */
  onUnloaded: () => void
}

/** Creates and loads the main window. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath))
  const contents = window.webContents
  window.once('ready-to-show', () => {
    window.show()
  })
  contents.on('did-start-loading', () => {
    options.onUnloaded()
  })
  contents.on('did-finish-load', () => {
    options.onLoaded(window)
  })
  contents.on('render-process-gone', (_event, details) => {
    options.onUnloaded()
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode })
    // The softphone lives in the renderer: bring it back instead of leaving a blank window.
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) contents.reload()
  })
  contents.on('unresponsive', () => {
    log.warn('renderer unresponsive')
  })
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    log.error('could not load the renderer', errorFields(error))
  })
  return window
}

/** The subset of BrowserWindow that focusing needs. */
export type FocusableWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'
>

/** Brings a window to the front: restore if minimised, show if hidden, then focus. */
export function focusWindow(window: FocusableWindow | null): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}
