/**
 * The one place that touches `window.desktop`: the Electron implementation when the preload
 * exposed it, otherwise the browser edition's implementation of the same interface.
 */
import type { DesktopApi } from '@shared/contract/desktop-api'
import { browserDesktop } from './desktop.browser'

let cached: DesktopApi | undefined

export function getDesktop(): DesktopApi {
  cached ??= window.desktop ?? browserDesktop
  return cached
}

export function isElectron(): boolean {
  return window.desktop !== undefined
}
