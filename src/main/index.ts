/**
 * Composition root of the main process: wires the modules together, holds no logic of its own.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Notification,
  protocol,
  safeStorage,
  session,
  shell
} from 'electron'

import { ipcEvents } from '@shared/contract/ipc'

import { appEntryUrl, ConfigError, loadConfig, type MainConfig } from './config'
import { createHandle } from './ipc/handle'
import { appInfoImpls } from './ipc/handlers/app-info'
import { durableFileImpls } from './ipc/handlers/durable-file'
import { registerIpcHandlers } from './ipc/handlers/index'
import { notificationImpls } from './ipc/handlers/notifications'
import { secretsImpls, warnIfPlainTextSecrets } from './ipc/handlers/secrets'
import { createLogger, errorFields } from './logger'
import { appSchemePrivileges, registerAppProtocol } from './security/app-protocol'
import { buildCsp } from './security/csp'
import { findDialUriInArgv, trustedRendererPredicate } from './security/trusted-url'
import { installPermissionGuards, installWebContentsGuards } from './security/web-contents-guards'
import { installCrashHandler } from './services/crash-handler'
import { createDialRouter } from './services/dial-links'
import { registerGlobalCallShortcuts } from './services/global-call-shortcuts'
import { openJournalFiles } from './services/journal-file'
import { cipherFromSafeStorage, createSecretStore } from './services/secret-store'
import { createMainWindow, focusWindow } from './windows/main-window'

const log = createLogger('main')
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const RENDERER_ROOT = fileURLToPath(new URL('../renderer', import.meta.url))
const DIAL_SCHEMES = ['tel', 'sip'] as const

// Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([appSchemePrivileges])

installCrashHandler({
  source: process,
  crashDir: join(app.getPath('userData'), 'crashes'),
  context: { version: app.getVersion(), platform: process.platform }
})

function readConfig(): MainConfig | null {
  try {
    const config = loadConfig(process.env)
    for (const warning of config.warnings) log.warn(warning)
    return config
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    dialog.showErrorBox('Atiende', error.message)
    return null
  }
}

function registerDialProtocols(): void {
  // A dev run would register the bare electron binary as the system's tel: handler.
  if (!app.isPackaged) return
  for (const scheme of DIAL_SCHEMES) {
    if (!app.setAsDefaultProtocolClient(scheme)) log.warn('not the default handler', { scheme })
  }
}

async function startServices(config: MainConfig, isTrusted: (url: string) => boolean) {
  const userData = app.getPath('userData')
  installPermissionGuards(session.defaultSession, isTrusted)
  registerAppProtocol(protocol, RENDERER_ROOT, buildCsp(config))
  const files = await openJournalFiles(join(userData, 'store'))
  const cipher = cipherFromSafeStorage(safeStorage)
  const secrets = createSecretStore(await openJournalFiles(join(userData, 'secrets')), cipher)
  cipher
    .isAvailable()
    .then(() => warnIfPlainTextSecrets(safeStorage, process.platform, log))
    .catch((error: unknown) => {
      log.warn('could not check secure storage', errorFields(error))
    })
  return { files, secrets }
}

let mainWindow: BrowserWindow | null = null
const dialRouter = createDialRouter()
let releaseShortcuts: () => void = () => undefined

function openMainWindow(entryUrl: string): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    entryUrl,
    onLoaded: (window) => {
      dialRouter.attach((uri) => {
        window.webContents.send(ipcEvents.dialRequested, { uri })
      })
      releaseShortcuts()
      releaseShortcuts = registerGlobalCallShortcuts(globalShortcut, (action) => {
        window.webContents.send(ipcEvents.callShortcut, { action })
      })
    },
    onUnloaded: () => {
      dialRouter.detach()
    }
  })
}

function registerHandlers(
  services: Awaited<ReturnType<typeof startServices>>,
  isTrusted: (url: string) => boolean
): void {
  registerIpcHandlers(createHandle({ registrar: ipcMain, isTrusted }), {
    ...durableFileImpls(services.files),
    ...secretsImpls(services.secrets),
    ...notificationImpls({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      focusWindow: () => {
        focusWindow(mainWindow)
      }
    }),
    ...appInfoImpls({ version: app.getVersion(), platform: process.platform })
  })
}

function wireAppEvents(isTrusted: (url: string) => boolean, entryUrl: string): void {
  app.on('second-instance', (_event, argv) => {
    focusWindow(mainWindow)
    const uri = findDialUriInArgv(argv)
    if (uri !== null) dialRouter.dispatch(uri)
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    focusWindow(mainWindow)
    dialRouter.dispatch(url)
  })
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, {
      isTrusted,
      openExternal: (url) => shell.openExternal(url),
      dial: (uri) => {
        dialRouter.dispatch(uri)
      }
    })
  })
  app.on('will-quit', () => {
    releaseShortcuts()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(entryUrl)
  })
}

function start(config: MainConfig): void {
  // The electron-vite dev server (HMR) is trusted in development only.
  const devServerUrl = app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null)
  const isTrusted = trustedRendererPredicate(devServerUrl)
  const entryUrl =
    devServerUrl !== null && isTrusted(devServerUrl)
      ? appEntryUrl(config.serverUrl, devServerUrl)
      : appEntryUrl(config.serverUrl)
  wireAppEvents(isTrusted, entryUrl)
  const launchUri = findDialUriInArgv(process.argv.slice(1))
  if (launchUri !== null) dialRouter.dispatch(launchUri)
  registerDialProtocols()
  app
    .whenReady()
    .then(async () => {
      registerHandlers(await startServices(config, isTrusted), isTrusted)
      openMainWindow(entryUrl)
    })
    .catch((error: unknown) => {
      log.error('startup failed', errorFields(error))
      dialog.showErrorBox('Atiende', 'Atiende could not start. See the log for details.')
      app.exit(1)
    })
}

const config = readConfig()
if (config === null) {
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  // Another Atiende is running: it receives our argv through 'second-instance' and focuses.
  app.quit()
} else {
  start(config)
}
